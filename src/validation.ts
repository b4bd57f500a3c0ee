export function isAbsoluteHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/** Field validator for optional absolute URLs. */
export const optionalHttpUrl = (value: unknown): true | string =>
  value == null || value === '' || isAbsoluteHttpUrl(value) ? true : 'Must be an absolute http(s) URL.'
