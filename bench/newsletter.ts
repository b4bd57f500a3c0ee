/**
 * Newsletter benchmark: the digest to N active subscribers through a local SMTP sink.
 *
 * Setup (in this process): boots the real config on a fresh database, creates a handful of topics
 * and published items through the Local API (hooks index them), and bulk-loads N active daily
 * subscribers straight into `subscribers` / `subscribers_rels` (raw drizzle INSERTs, no hooks),
 * each with an unsubscribe nonce and token hash as a real sign-up leaves them, a topic choice such
 * that every one of them gets a digest, and 1 in 10 in English.
 *
 * Then the sender runs as its own process (bench/digest-worker.ts: demo/scripts/digest.ts's runner plus
 * its own figures) against an SMTP sink in this process (smtp-server on loopback, no auth, no TLS;
 * counts messages and recipients and throws the bodies away). Measured: wall time of runDigest,
 * mails/s, the sender's peak RSS (getrusage maxrss = VmHWM, exact) and its RSS sampled every
 * 100 ms from /proc (to show whether memory grows with the subscribers read so far), and what the
 * sink received, which must equal N with no address twice. Nothing here asserts on timings.
 *
 * The sender gets the node flags of `npm run digest` from package.json (so a heap limit put there is
 * measured too). While profiling: BENCH_WORKER_FLAGS="--cpu-prof …" adds node flags to the sender,
 * BENCH_MEMORY_TRACE=ms prints its heap and RSS every ms, BENCH_SQL_TRACE=1 counts its statements.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

import { sql } from '@payloadcms/db-sqlite'
import { getPayload, type Payload } from 'payload'
import { SMTPServer } from 'smtp-server'

import { createConfig } from '../payload.config'
import { hashToken, newNonce, unsubscribeToken } from '../src/newsletter/tokens'
import { readEnv } from '../demo/env'
import { closePayload, type DbKind, type SqlAdapter } from './listing'
import { seconds, table } from './stats'

export const TARGET_MAILS_PER_S = 200
export const TARGET_PEAK_RSS_MB = 400

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SECRET = 'bench-secret-0123456789abcdef'
const LABEL: Record<DbKind, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' }
const fmt = (n: number) => n.toLocaleString('en-US')
const mb = (kb: number) => Math.round(kb / 1024)

export type NewsletterBenchOptions = {
  kind: DbKind
  url: string
  subscribers: number
  /** An empty directory for uploads (none are made); the caller removes it. */
  mediaDir: string
  log: (line: string) => void
}

export type NewsletterBenchReport = {
  kind: DbKind
  label: string
  subscribers: number
  items: number
  setupMs: number
  /** runDigest's own counts. */
  sent: number
  skipped: number
  failed: number
  /** Delivery rows of the period marked `sent`. */
  deliveriesSent: number
  sink: { mails: number; uniqueRecipients: number; duplicates: number; megabytes: number }
  runMs: number
  processMs: number
  cpuMs: number
  mailsPerSecond: number
  peakRssMb: number
  bootPeakRssMb: number
  /** RSS of the sender when the sink had received 10 %, 50 %, 90 % and all of the mails. */
  rssAt: { fraction: number; mb: number | null }[]
  problems: string[]
}

/** SMTP sink: accepts everything, keeps counts and recipients only. */
async function startSink() {
  const state = { mails: 0, bytes: 0, duplicates: 0, recipients: new Set<string>() }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', (chunk: Buffer) => (state.bytes += chunk.length))
      stream.on('end', () => {
        state.mails++
        for (const r of session.envelope.rcptTo) {
          const address = r.address.toLowerCase()
          if (state.recipients.has(address)) state.duplicates++
          else state.recipients.add(address)
        }
        callback()
      })
    },
  })
  // A sender that dies mid-dialogue resets its connections; that is no reason to stop counting.
  server.on('error', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = (server as unknown as { server: { address: () => { port: number } } }).server.address()
  return { url: `smtp://127.0.0.1:${port}`, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

const TOPICS = [
  { slug: 'psykisk-halsa', title: 'Psykisk hälsa' },
  { slug: 'barn-och-unga', title: 'Barn och unga', parent: 'psykisk-halsa' },
  { slug: 'miljo', title: 'Miljö' },
  { slug: 'skola', title: 'Skola' },
  { slug: 'arbetsliv', title: 'Arbetsliv' },
  { slug: 'kultur', title: 'Kultur' },
]

/** Topics and published items through the Local API; every topic gets items. */
async function createContent(payload: Payload) {
  const topicIds: (string | number)[] = []
  const bySlug = new Map<string, string | number>()
  for (const t of TOPICS) {
    const doc = await payload.create({ collection: 'topics', data: { title: t.title, slug: t.slug, parent: t.parent ? bySlug.get(t.parent) : undefined } as never })
    bySlug.set(t.slug, doc.id)
    topicIds.push(doc.id)
  }
  let items = 0
  for (let i = 0; i < 30; i++) {
    const topics = [topicIds[i % topicIds.length]!, ...(i % 3 === 0 ? [topicIds[(i + 2) % topicIds.length]!] : [])]
    await payload.create({
      collection: 'news',
      data: { _status: 'published', title: `Nyhet ${i + 1}: ${TOPICS[i % TOPICS.length]!.title}`, summary: `Ingress till nyhet ${i + 1}, ett par meningar lång. `.repeat(3), topics } as never,
    })
    items++
  }
  const start = Date.now() + 7 * 86400_000
  for (let i = 0; i < 2; i++) {
    await payload.create({
      collection: 'events',
      data: { _status: 'published', title: `Seminarium ${i + 1}`, summary: 'Ett seminarium.', start: new Date(start + i * 86400_000).toISOString(), end: new Date(start + i * 86400_000 + 3600_000).toISOString(), topics: [topicIds[i]!] } as never,
    })
    items++
  }
  return { topicIds, items }
}

/** The topic choice of subscriber i: a quarter every topic (none chosen), the rest one or two of them. */
function topicsOf(i: number, topicIds: (string | number)[]): (string | number)[] {
  if (i % 4 === 0) return []
  const n = topicIds.length
  const first = topicIds[i % n]!
  return i % 3 === 0 ? [first, topicIds[(i + 1 + (i % (n - 1))) % n]!].filter((t, k, a) => a.indexOf(t) === k) : [first]
}

/** N active daily subscribers in transactions of 5,000 (ids 1..N on a fresh database). */
async function bulkSubscribers(payload: Payload, kind: DbKind, n: number, topicIds: (string | number)[]) {
  const db = payload.db as unknown as SqlAdapter
  const T = db.tables
  const confirmedAt = new Date(Date.now() - 2 * 86400_000).toISOString()
  let relId = 0
  for (let from = 0; from < n; from += 5_000) {
    const subs: Record<string, unknown>[] = []
    const rels: Record<string, unknown>[] = []
    for (let i = from; i < Math.min(n, from + 5_000); i++) {
      const id = i + 1
      const nonce = newNonce()
      subs.push({
        id,
        email: `prenumerant${id}@bench.example`,
        status: 'active',
        locale: i % 10 === 9 ? 'en' : 'sv',
        frequency: 'daily',
        consent_at: confirmedAt,
        consent_wordingVersion: '1',
        consent_sourcePage: '/nyhetsbrev',
        confirmedAt,
        failedInRow: 0,
        unsubscribeNonce: nonce,
        unsubscribeTokenHash: hashToken(unsubscribeToken(payload.secret, nonce)),
        createdAt: confirmedAt,
        updatedAt: confirmedAt,
      })
      topicsOf(i, topicIds).forEach((t, k) => rels.push({ id: ++relId, order: k + 1, parent: id, path: 'topics', topicsID: Number(t) }))
    }
    await db.drizzle.transaction(async (tx) => {
      for (const [table, rows] of [
        [T.subscribers, subs],
        [T.subscribers_rels, rels],
      ] as const) {
        const chunk = Math.max(1, Math.floor(20_000 / Object.keys(rows[0] ?? { x: 1 }).length))
        for (let k = 0; k < rows.length; k += chunk) await tx.insert(table).values(rows.slice(k, k + chunk))
      }
    })
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  if (kind === 'postgres') {
    for (const t of ['subscribers', 'subscribers_rels']) await db.pool!.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), GREATEST((SELECT max(id) FROM "${t}"), 1))`)
    await db.pool!.query('VACUUM ANALYZE')
  } else {
    await db.drizzle.run!(sql.raw('PRAGMA wal_checkpoint(TRUNCATE)'))
  }
  return relId
}

const procStatus = (pid: number) => {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (name: string) => Number(text.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm'))?.[1] ?? NaN)
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') }
  } catch {
    return null
  }
}

/** The node flags of `npm run digest` (package.json), so that the sender runs as shipped. */
function digestNodeFlags(): string[] {
  const script = String((JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts?.digest ?? '')
  const tokens = script.split(/\s+/).filter(Boolean)
  const from = tokens.indexOf('node')
  const to = tokens.findIndex((t) => t.endsWith('demo/scripts/digest.ts'))
  return from >= 0 && to > from ? tokens.slice(from + 1, to) : ['--conditions=production', '--import', 'tsx']
}

type WorkerResult = { sent: number; skipped: number; failed: number; runMs: number; peakRssKb: number; bootPeakRssKb: number; cpuMs: number; runId: string | number }

/** Runs bench/digest-worker.ts as its own process, sampling its RSS every 100 ms. */
async function runSender(env: Record<string, string>, period: string, sink: Awaited<ReturnType<typeof startSink>>) {
  const started = performance.now()
  // BENCH_WORKER_FLAGS: extra node flags for the sender while profiling it, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const extra = (process.env.BENCH_WORKER_FLAGS ?? '').split(' ').filter(Boolean)
  const args = [...digestNodeFlags(), ...extra, 'bench/digest-worker.ts', '--frequency', 'daily', '--period', period]
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let tail = ''
  child.stdout.on('data', (d: Buffer) => {
    if (process.env.BENCH_MEMORY_TRACE) process.stderr.write(d)
    const s = d.toString()
    if (s.includes('BENCH_RESULT')) out += s
    tail = (tail + s).slice(-4000)
  })
  child.stderr.on('data', (d: Buffer) => {
    tail = (tail + d.toString()).slice(-4000)
    if (process.env.BENCH_MEMORY_TRACE || process.env.BENCH_SQL_TRACE) process.stderr.write(d)
  })
  const samples: { mails: number; rssKb: number }[] = []
  const timer = setInterval(() => {
    const s = procStatus(child.pid!)
    if (s && Number.isFinite(s.rss)) samples.push({ mails: sink.state.mails, rssKb: s.rss })
  }, 100)
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)))
  clearInterval(timer)
  const processMs = performance.now() - started
  const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '))
  if (code !== 0 || !line) throw new Error(`digest worker exited with ${code}:\n${tail}`)
  return { result: JSON.parse(line.slice('BENCH_RESULT '.length)) as WorkerResult, processMs, samples, tail }
}

export async function runNewsletterBench(o: NewsletterBenchOptions): Promise<NewsletterBenchReport> {
  const { log, kind } = o
  const label = LABEL[kind]
  log('')
  log(`## Newsletter digest on ${label}: ${fmt(o.subscribers)} subscribers`)
  const sink = await startSink()
  const env = {
    DATABASE_URL: o.url,
    PAYLOAD_SECRET: SECRET,
    SERVER_URL: 'http://bench.test',
    MEDIA_DIR: o.mediaDir,
    MAIL_FROM: 'nyhetsbrev@bench.test',
    SEED: 'false',
    RUN_JOBS: 'false',
  }
  const t0 = performance.now()
  const payload = await getPayload({ config: createConfig(readEnv(env)), key: `bench-newsletter-${kind}-${Date.now()}` })
  try {
    const { topicIds, items } = await createContent(payload)
    const rels = await bulkSubscribers(payload, kind, o.subscribers, topicIds)
    const setupMs = performance.now() - t0
    log(
      `setup: boot + migrations, ${TOPICS.length} topics and ${items} published items via Local API, ${fmt(o.subscribers)} active daily subscribers ` +
        `(${fmt(rels)} topic rows; a quarter with every topic, 1 in 10 English) bulk-loaded: ${seconds(setupMs)}`,
    )
    const period = `daily:bench-${Date.now()}`
    log(
      `sender: node ${[...digestNodeFlags(), ...(process.env.BENCH_WORKER_FLAGS ?? '').split(' ').filter(Boolean)].join(' ')} bench/digest-worker.ts ` +
        `(= npm run digest: boot + runDigest, node flags from package.json) as a child process → SMTP sink ${sink.url} in this process; transport: ` +
        'as payload.config.ts builds it from SMTP_URL (smtpTransport: pool, TCP_NODELAY)',
    )
    const { result, processMs, samples } = await runSender({ ...env, SMTP_URL: sink.url }, period, sink)

    const deliveriesSent = (
      await payload.count({ collection: 'digest-deliveries', where: { and: [{ periodKey: { equals: period } }, { status: { equals: 'sent' } }] }, overrideAccess: true })
    ).totalDocs
    const run = (await payload.findByID({ collection: 'digest-runs', id: result.runId, depth: 0, overrideAccess: true })) as unknown as { sent: number }
    const s = sink.state
    const problems: string[] = []
    if (s.mails !== o.subscribers) problems.push(`sink received ${fmt(s.mails)} mails, expected ${fmt(o.subscribers)}`)
    if (s.recipients.size !== o.subscribers) problems.push(`sink saw ${fmt(s.recipients.size)} distinct recipients, expected ${fmt(o.subscribers)}`)
    if (s.duplicates) problems.push(`${fmt(s.duplicates)} recipients got more than one mail`)
    if (result.sent !== o.subscribers || run.sent !== o.subscribers) problems.push(`runDigest reported ${fmt(result.sent)} sent (run row: ${fmt(run.sent)}), expected ${fmt(o.subscribers)}`)
    if (result.failed || result.skipped) problems.push(`runDigest reported ${result.failed} failed, ${result.skipped} skipped`)
    if (deliveriesSent !== o.subscribers) problems.push(`${fmt(deliveriesSent)} delivery rows marked sent, expected ${fmt(o.subscribers)}`)

    const rssAt = [0.1, 0.5, 0.9, 1].map((fraction) => {
      const hit = samples.find((x) => x.mails >= Math.ceil(fraction * o.subscribers))
      return { fraction, mb: hit ? mb(hit.rssKb) : null }
    })
    const report: NewsletterBenchReport = {
      kind,
      label,
      subscribers: o.subscribers,
      items,
      setupMs,
      sent: result.sent,
      skipped: result.skipped,
      failed: result.failed,
      deliveriesSent,
      sink: { mails: s.mails, uniqueRecipients: s.recipients.size, duplicates: s.duplicates, megabytes: s.bytes / 1048576 },
      runMs: result.runMs,
      processMs,
      cpuMs: result.cpuMs,
      mailsPerSecond: s.mails / (result.runMs / 1000),
      peakRssMb: mb(result.peakRssKb),
      bootPeakRssMb: mb(result.bootPeakRssKb),
      rssAt,
      problems,
    }
    for (const line of newsletterTable([report])) log(line)
    log(
      `sender process: ${seconds(processMs)} in all (boot + run + exit); runDigest ${seconds(result.runMs)}, CPU ${seconds(result.cpuMs)} ` +
        `(${Math.round((100 * result.cpuMs) / result.runMs)} % of one core); peak RSS after boot ${report.bootPeakRssMb} MB; ` +
        `RSS when the sink had 10/50/90/100 % of the mails: ${rssAt.map((r) => (r.mb === null ? '–' : `${r.mb}`)).join(' / ')} MB; ` +
        `sink: ${fmt(s.mails)} mails, ${report.sink.megabytes.toFixed(1)} MB, ${fmt(s.recipients.size)} distinct recipients; delivery rows sent: ${fmt(deliveriesSent)}`,
    )
    if (problems.length) log(`!!! MISMATCH: ${problems.join('; ')}`)
    return report
  } finally {
    await closePayload(payload)
    await sink.close()
  }
}

/** The figures as a Markdown table, one row per report. */
export function newsletterTable(reports: NewsletterBenchReport[]): string[] {
  return table(
    ['database', 'subscribers', 'mails sent', 'sink received', 'digest s', 'mails/s', 'peak RSS MB', `≥ ${TARGET_MAILS_PER_S} mails/s`, `< ${TARGET_PEAK_RSS_MB} MB`],
    reports.map((r) => [
      r.label,
      fmt(r.subscribers),
      fmt(r.sent),
      `${fmt(r.sink.mails)}${r.problems.length ? ' MISMATCH' : ''}`,
      (r.runMs / 1000).toFixed(1),
      fmt(Math.round(r.mailsPerSecond)),
      String(r.peakRssMb),
      r.mailsPerSecond >= TARGET_MAILS_PER_S ? 'yes' : 'NO',
      r.peakRssMb < TARGET_PEAK_RSS_MB ? 'yes' : 'NO',
    ]),
  )
}
