import type { IncomingMessage } from 'node:http'

/**
 * What the server in front does for every request (as nginx's `proxy_add_x_forwarded_for`):
 * appends the address of the peer that connected to `X-Forwarded-For`, so its rightmost entry can
 * always be believed (see src/http/clientAddress.ts), and drops a client-sent `X-Real-IP`.
 */
export function appendForwardedFor(req: IncomingMessage): void {
  const peer = req.socket.remoteAddress
  const sent = req.headers['x-forwarded-for']
  const before = (Array.isArray(sent) ? sent.join(', ') : sent ?? '').trim()
  if (peer) req.headers['x-forwarded-for'] = before ? `${before}, ${peer}` : peer
  else delete req.headers['x-forwarded-for']
  delete req.headers['x-real-ip']
}
