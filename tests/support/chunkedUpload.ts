import http from 'node:http'

export type Upload = { status: number; body: string; writtenAtAnswer: number; written: number; answerMs: number; closedAfterMs: number | null }

/**
 * POSTs `bytes` of body in chunked framing (no Content-Length), generated as it goes, and stops
 * writing once the answer has come (`keepWriting`: goes on, as a hostile client would, until the
 * server closes). Resolves with the answer, how much had been written by then and in all, and when
 * the server closed the connection after the answer (null: not within 10 s).
 */
export function chunkedUpload(baseUrl: string, path: string, bytes: number, opts: { keepWriting?: boolean } = {}): Promise<Upload> {
  const url = new URL(path, baseUrl)
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 0x78)
    let written = 0
    let answered = false
    const start = performance.now()
    const stop = () => answered && !opts.keepWriting
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' } })
    const pump = () => {
      while (!stop() && !req.destroyed && written < bytes) {
        written += chunk.length
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      if (!stop() && !req.destroyed) req.end()
    }
    req.on('error', () => {}) // the server closing a connection it stopped reading: expected once answered
    req.on('response', (res) => {
      answered = true
      const writtenAtAnswer = written
      const answerMs = performance.now() - start
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (body += d))
      res.on('end', () => {
        const at = performance.now()
        const timer = setTimeout(() => finish(null), 10_000)
        const finish = (closedAfterMs: number | null) => {
          clearTimeout(timer)
          req.destroy()
          resolve({ status: res.statusCode!, body, writtenAtAnswer, written, answerMs, closedAfterMs })
        }
        if (req.socket?.destroyed) finish(0)
        else req.socket?.once('close', () => finish(performance.now() - at))
      })
    })
    req.on('close', () => {
      if (!answered) reject(new Error(`connection closed before an answer, ${written} bytes written`))
    })
    pump()
  })
}
