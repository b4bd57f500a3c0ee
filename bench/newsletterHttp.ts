/**
 * The newsletter endpoints of `npm start` under hostile and ordinary use (figures for the README,
 * nothing asserted):
 *
 * 1. server RSS (VmRSS of the node process, sampled every 10 ms) before, at its peak and after a
 *    1 GB chunked POST to /subscribe and /unsubscribe: from a client that stops when answered, and
 *    from one that keeps writing until the server closes the connection;
 * 2. sign-ups accepted from one client that sends a new X-Forwarded-For / X-Real-IP each time;
 * 3. time from the sign-up request to the confirmation mail in the SMTP server (kicked queue);
 * 4. time to the 202 for a new address against an active one (median and p95 each).
 *
 *   node --conditions=production --import tsx bench/newsletterHttp.ts [--signups 20] [--upload-mb 1024] [--rotate-s 20] [--gap-ms 1000]
 *
 * Runs `npm start` twice on temp SQLite files (tests/support/appServer.ts): as configured by
 * default for 1 and 2, and with TRUST_PROXY=1 for 3 and 4 (each request names its own client).
 */
import { startAppServer } from '../tests/support/appServer'
import { chunkedUpload } from '../tests/support/chunkedUpload'
import { linkIn, submitConfirmation } from '../tests/support/newsletter'
import { rssMb, serverPid } from '../tests/support/serverProcess'
import { startSmtp } from '../tests/support/smtp'

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const signups = Number(arg('signups') ?? 20)
const uploadMb = Number(arg('upload-mb') ?? 1024)
const rotateS = Number(arg('rotate-s') ?? 20)
const gapMs = Number(arg('gap-ms') ?? 1000)

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!
}
const ms = (x: number) => `${x.toFixed(1)} ms`

async function main() {
  const smtp = await startSmtp()
  const mailFrom = { SMTP_URL: smtp.url, MAIL_FROM: 'nyhetsbrev@bench.test', SEED: 'false' }
  const signUp = (baseUrl: string, email: string, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}/api/newsroom/subscribe`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, consent: true }) })

  const app = await startAppServer(mailFrom)
  try {
    const pid = serverPid(Number(new URL(app.baseUrl).port))
    console.log(`## 1. ${uploadMb} MB chunked POST (no Content-Length), npm start pid ${pid}`)
    for (const keepWriting of [false, true]) {
      for (const path of ['/api/newsroom/subscribe', '/api/newsroom/unsubscribe']) {
        await sleep(500)
        const before = rssMb(pid)
        let peak = before
        const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 10)
        const upload = await chunkedUpload(app.baseUrl, path, uploadMb * 1024 * 1024, { keepWriting }).finally(() => clearInterval(sampler))
        await sleep(2500)
        const after = rssMb(pid)
        console.log(
          `${path} (${keepWriting ? 'client keeps writing' : 'client stops when answered'}): ${upload.status} after ${ms(upload.answerMs)}, ` +
            `${(upload.writtenAtAnswer / 1048576).toFixed(1)} MB written by then, ${(upload.written / 1048576).toFixed(1)} MB in all; ` +
            `connection closed ${upload.closedAfterMs === null ? 'not within 10 s' : `${ms(upload.closedAfterMs)} after the answer`}; ` +
            `RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} → ${after.toFixed(0)} MB`,
        )
      }
    }

    console.log(`\n## 2. one client, a new X-Forwarded-For and X-Real-IP on every sign-up, for ${rotateS} s`)
    const start = performance.now()
    let sent = 0
    const accepted: number[] = []
    const statuses = new Map<number, number>()
    while (performance.now() - start < rotateS * 1000) {
      const fake = `198.51.${sent % 250}.${Math.floor(sent / 250) % 250}`
      const res = await signUp(app.baseUrl, `roterar${sent}@bench.test`, { 'x-forwarded-for': fake, 'x-real-ip': fake })
      sent++
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
      if (res.status === 202) accepted.push(performance.now() - start)
      await res.arrayBuffer()
    }
    const seconds = (performance.now() - start) / 1000
    console.log(
      `${sent} requests in ${seconds.toFixed(1)} s (${(sent / seconds).toFixed(0)}/s): ${[...statuses].map(([s, c]) => `${c}× ${s}`).join(', ')}; ` +
        `accepted ${accepted.length} (${(accepted.length / seconds).toFixed(2)}/s), the last at ${(accepted.at(-1)! / 1000).toFixed(2)} s`,
    )
  } finally {
    await app.stop()
  }

  const proxied = await startAppServer({ ...mailFrom, TRUST_PROXY: '1' })
  try {
    const client = (i: number) => ({ 'x-forwarded-for': `203.0.113.${(i % 250) + 1}` })
    console.log(`\n## 3. sign-up → confirmation mail in the SMTP server (${signups} sign-ups, one at a time, TRUST_PROXY=1)`)
    const latencies: number[] = []
    for (let i = 0; i < signups; i++) {
      const email = `latens${i}@bench.test`
      const t0 = Date.now()
      const res = await signUp(proxied.baseUrl, email, client(i))
      if (res.status !== 202) throw new Error(`sign-up ${i}: ${res.status}`)
      while (!smtp.to(email).length) await sleep(2)
      latencies.push(smtp.to(email)[0]!.receivedAt! - t0)
      await sleep(200)
    }
    console.log(`median ${ms(quantile(latencies, 0.5))}, p95 ${ms(quantile(latencies, 0.95))}, max ${ms(Math.max(...latencies))}`)

    console.log(`\n## 4. time to the 202 by the address's state (${signups} each, in random order, ${gapMs} ms apart)`)
    const kinds = ['new', 'pending', 'active'] as const
    for (let i = 0; i < signups; i++) {
      for (const kind of ['pending', 'active'] as const) {
        const email = `${kind}${i}@bench.test`
        await signUp(proxied.baseUrl, email, client(100 + i))
        while (!smtp.to(email).length) await sleep(2)
        if (kind === 'active') {
          const confirmed = await submitConfirmation(linkIn(smtp.to(email)[0]!.text, '/api/newsroom/confirm'))
          if (confirmed.status !== 200) throw new Error(`confirming ${email}: ${confirmed.status}`)
        }
      }
    }
    const times = Object.fromEntries(kinds.map((k) => [k, [] as number[]])) as Record<(typeof kinds)[number], number[]>
    // Random order, and far enough apart that the job kicked by one request is done before the next.
    const order = kinds.flatMap((kind) => Array.from({ length: signups }, (_, i) => [kind, i] as const)).sort(() => Math.random() - 0.5)
    for (const [i, [kind, k]] of order.entries()) {
      await sleep(gapMs)
      const t0 = performance.now()
      const res = await signUp(proxied.baseUrl, `${kind}${k}@bench.test`, client(300 + i))
      await res.text()
      times[kind].push(performance.now() - t0)
      if (res.status !== 202) throw new Error(`${kind}${k}: ${res.status}`)
    }
    for (const kind of kinds) console.log(`${kind}: median ${ms(quantile(times[kind], 0.5))}, p95 ${ms(quantile(times[kind], 0.95))}`)
  } finally {
    await proxied.stop()
    await smtp.close()
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
