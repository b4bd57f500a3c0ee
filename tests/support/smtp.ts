import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'

import { SMTPServer } from 'smtp-server'

/** The part of mailparser's result the tests read (mailparser ships no types). */
export type ParsedMail = {
  subject?: string
  text?: string
  html?: string | false
  headerLines: { key: string; line: string }[]
  to?: { text: string }
  /** When the server had the whole message (Date.now()). */
  receivedAt?: number
}
const { simpleParser } = createRequire(import.meta.url)('mailparser') as { simpleParser: (source: NodeJS.ReadableStream) => Promise<ParsedMail> }

export type Reply = { code: number; message: string } | null

/** A real SMTP server on a loopback port that keeps every accepted mail, parsed. */
export async function startSmtp() {
  const mails: (ParsedMail & { rcpt: string[] })[] = []
  const rcptLog: { address: string; code: number }[] = []
  const state = { onRcpt: (_address: string): Reply => null, delayMs: 0 }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const reply = state.onRcpt(address.address.toLowerCase())
      rcptLog.push({ address: address.address.toLowerCase(), code: reply?.code ?? 250 })
      if (reply) return callback(Object.assign(new Error(reply.message), { responseCode: reply.code }))
      callback()
    },
    onData(stream, session, callback) {
      let receivedAt = 0
      stream.once('end', () => (receivedAt = Date.now()))
      simpleParser(stream).then(
        (mail: ParsedMail) => {
          const keep = () => {
            mails.push(Object.assign(mail, { rcpt: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), receivedAt: receivedAt || Date.now() }))
            callback()
          }
          if (state.delayMs) setTimeout(keep, state.delayMs)
          else keep()
        },
        (err: Error) => callback(err),
      )
    },
  })
  // A sender killed with -9 resets its pooled connections; that is the test's doing, not a failure.
  server.on('error', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = (server as unknown as { server: { address: () => AddressInfo } }).server.address()
  const to = (address: string) => mails.filter((m) => m.rcpt.includes(address.toLowerCase()))
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    rcptLog,
    /** Decide the answer to RCPT TO per address (null = accept). */
    set onRcpt(fn: (address: string) => Reply) {
      state.onRcpt = fn
    },
    /** Wait this long before accepting each mail (a slow server). */
    set delayMs(ms: number) {
      state.delayMs = ms
    },
    to,
    /** The value of a header line as sent, e.g. header(mail, 'list-unsubscribe'). */
    header: (mail: ParsedMail, name: string) =>
      mail.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '').replace(/\r?\n\s+/g, ' '),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type TestSmtp = Awaited<ReturnType<typeof startSmtp>>
