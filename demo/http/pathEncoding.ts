/**
 * Whether every segment of the request path decodes (`%E0%A4%A` does not). Next.js answers such
 * a path with a bare 500 before any route handler runs, so `npm start` checks it first (400).
 */
export function isDecodablePath(url: string): boolean {
  const path = url.split('?', 1)[0]!
  try {
    for (const segment of path.split('/')) decodeURIComponent(segment)
    return true
  } catch {
    return false
  }
}

export const undecodablePathMessage = 'Bad Request: the path is not valid percent-encoding'
