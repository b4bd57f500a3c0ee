import type { IncomingMessage, ServerResponse } from 'node:http'

/** How long a connection whose request was answered early stays open before it is dropped. */
const LINGER_MS = 1000

/**
 * When a response has been sent before its request's body was read to the end (a 413 from a body
 * limit, say), the connection cannot carry another request, and Node neither reads it further nor
 * closes it: a client still writing stays blocked until the server's request timeout (5 minutes).
 * Drop it instead, a second after the answer: closing a socket with unread data resets it, and a
 * reset right away could discard the answer before the client has read it.
 */
export function closeUnreadRequests(req: IncomingMessage, res: ServerResponse): void {
  // Taken now: by the time the answer is finished, a request whose body stream was cancelled has let go of it.
  const socket = req.socket
  res.once('finish', () => {
    if (req.complete || socket.destroyed) return
    setTimeout(() => socket.destroy(), LINGER_MS).unref()
  })
}
