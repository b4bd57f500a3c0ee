import { createHash } from 'node:crypto'

/** A strong entity tag of the bytes: their SHA-1, base64url, quoted. */
export const strongEtag = (body: string | Uint8Array) => `"${createHash('sha1').update(body).digest('base64url')}"`
