import { createHmac, timingSafeEqual } from 'node:crypto'

/** Filter hash, phase, last (date, key) seen, and the facets of the first page (not recounted on every page). */
export type CursorState = { f: string; p: number; d: string; k: string; c: [number, number, number] }

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url')
const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest().subarray(0, 16)

/** An opaque, signed keyset position: a client cannot forge or edit it. */
export function encodeCursor(secret: string, state: CursorState): string {
  const body = b64(JSON.stringify(state))
  return `${body}.${b64(sign(secret, body))}`
}

export function decodeCursor(secret: string, cursor: string, filterHash: string): CursorState | string {
  const [body, mac, extra] = cursor.split('.')
  if (!body || !mac || extra !== undefined) return 'is not a cursor returned by this API'
  const given = Buffer.from(mac, 'base64url')
  const expected = sign(secret, body)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'is not a cursor returned by this API'
  const state = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CursorState
  if (!Array.isArray(state.c) || state.c.length !== 3) return 'is not a cursor returned by this API'
  if (state.f !== filterHash) return 'belongs to a different query; start again without cursor'
  return state
}
