/** What `readBodyLimited` gives back: the bytes, or why there are none. */
export type LimitedBody = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too_large' | 'unreadable' }

type BodySource = { headers: Headers; body?: ReadableStream<Uint8Array> | null }

/**
 * Reads a request body of at most `limit` bytes, chunk by chunk, whatever the framing. A declared
 * `Content-Length` over the limit is refused before anything is read; a chunked body (or one whose
 * length lies) is cancelled the moment it passes the limit, so no more than `limit` plus one chunk
 * is ever held in memory. `req.text()`/`req.json()` would buffer the whole body first.
 */
export async function readBodyLimited(req: BodySource, limit: number): Promise<LimitedBody> {
  const declared = req.headers.get('content-length')
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) {
    await req.body?.cancel().catch(() => {})
    return { ok: false, reason: 'too_large' }
  }
  if (!req.body) return { ok: true, bytes: new Uint8Array(0) }
  const reader = req.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        await reader.cancel().catch(() => {})
        return { ok: false, reason: 'too_large' }
      }
      chunks.push(value)
    }
  } catch {
    // The client went away or sent a broken framing.
    return { ok: false, reason: 'unreadable' }
  } finally {
    reader.releaseLock()
  }
  if (chunks.length === 1) return { ok: true, bytes: chunks[0]! }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const c of chunks) {
    bytes.set(c, offset)
    offset += c.byteLength
  }
  return { ok: true, bytes }
}

/** The body as UTF-8 text (invalid sequences replaced), or why there is none. */
export async function readTextLimited(req: BodySource, limit: number): Promise<{ ok: true; text: string } | { ok: false; reason: 'too_large' | 'unreadable' }> {
  const body = await readBodyLimited(req, limit)
  return body.ok ? { ok: true, text: new TextDecoder().decode(body.bytes) } : body
}
