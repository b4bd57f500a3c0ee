import { APIError } from 'payload'

/**
 * A client's mistake: Payload answers it with `status` and `{ errors: [{ message }] }` (REST) or a
 * GraphQL error with `extensions.statusCode`; logged as one `info` line (see logClientErrorsAsInfo).
 */
export class BadInput extends APIError {
  constructor(message: string, status = 400) {
    super(message, status, null, true)
    // By hand: `next build` minifies class names, and this one shows in logs and GraphQL errors.
    this.name = 'BadInput'
  }
}

/** A short, safe rendering of a client's value for an error message. */
export function show(value: unknown): string {
  let s: string
  try {
    s = typeof value === 'number' || typeof value === 'bigint' ? String(value) : typeof value === 'string' ? JSON.stringify(value) : value instanceof Date ? value.toISOString() : (JSON.stringify(value) ?? String(value))
  } catch {
    s = String(value)
  }
  return s.length > 60 ? `${s.slice(0, 57)}…` : s
}
