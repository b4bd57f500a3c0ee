import net from 'node:net'

import nodemailer from 'nodemailer'

/** `smtp(s)://user:pass@host:port/?key=value&tls.key=value` as nodemailer reads it (query values: numbers and true/false converted). */
function smtpUrlOptions(url: string): Record<string, unknown> {
  const u = new URL(url)
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error(`SMTP URL must start with smtp:// or smtps://, got ${u.protocol}`)
  const options: Record<string, unknown> = { host: u.hostname.replace(/^\[|\]$/g, ''), secure: u.protocol === 'smtps:' }
  if (u.port) options.port = Number(u.port)
  if (u.username) options.auth = { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) }
  const tls: Record<string, unknown> = {}
  for (const [key, raw] of u.searchParams) {
    const value = raw === 'true' ? true : raw === 'false' ? false : raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw
    if (key.startsWith('tls.')) tls[key.slice(4)] = value
    else if (!key.includes('.') && key !== '__proto__') options[key] = value
  }
  if (Object.keys(tls).length) options.tls = tls
  return options
}

/**
 * The SMTP transport to give the nodemailer adapter for a newsletter: keeps its connections open
 * (`pool`, at most `maxConnections`, a fresh one after `maxMessages`) and turns Nagle off.
 *
 * Without the pool every mail pays a new connection (TCP, greeting, EHLO, STARTTLS, AUTH). Without
 * TCP_NODELAY every mail waits ~40 ms on any server: nodemailer writes the message and the final
 * `.` separately, Nagle holds the small write until the server acknowledges the message, and the
 * server delays that acknowledgement. Query parameters of the URL (e.g. `?maxConnections=2`) win.
 */
export function smtpTransport(url: string, options: { maxConnections?: number; maxMessages?: number } = {}) {
  const base = smtpUrlOptions(url)
  const connectionTimeout = Number(base.connectionTimeout) || 120_000
  const transport = nodemailer.createTransport({
    maxConnections: options.maxConnections ?? 4,
    maxMessages: options.maxMessages ?? 100,
    ...base,
    pool: true,
    // A plain TCP socket with NODELAY; nodemailer still does STARTTLS, or TLS for smtps://, over it.
    getSocket: (o, callback) => {
      const socket = net.connect({ host: String(o.host ?? 'localhost'), port: Number(o.port) || (o.secure ? 465 : 587), noDelay: true })
      let settled = false
      const settle = (err: Error | null) => {
        if (settled) return // later errors are nodemailer's to handle (it listens from here on)
        settled = true
        clearTimeout(timer)
        if (err) socket.destroy()
        callback(err, err ? null : { connection: socket })
      }
      const timer = setTimeout(() => settle(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' })), connectionTimeout)
      socket.on('error', settle)
      socket.once('connect', () => settle(null))
    },
  })
  return transport
}

