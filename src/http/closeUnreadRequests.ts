import type { IncomingMessage, ServerResponse } from 'node:http'

/** How long a connection whose request was answered early is read (and discarded) before it is closed. */
const LINGER_MS = 2000

/**
 * When a response has been sent before its request's body was read to the end (a 413 from a body
 * limit, say), the connection cannot carry another request and Node neither reads nor closes it:
 * the client stays blocked writing into it until the server's request timeout (5 minutes). Close
 * it instead, the way nginx's lingering close does: send FIN after the answer, read and discard
 * what is still arriving for a moment (so the client gets the answer, not a reset), then drop it.
 */
export function closeUnreadRequests(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => {
    if (req.complete) return
    const socket = req.socket
    socket.end()
    req.on('data', () => {})
    req.resume()
    setTimeout(() => socket.destroy(), LINGER_MS).unref()
  })
}
