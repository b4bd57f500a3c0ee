/**
 * `npm run bench [-- --items N] [-- --quick]`: the listing benchmark on SQLite and PostgreSQL
 * (see bench/listing.ts), the newsletter digest to N subscribers through a local SMTP sink
 * (bench/newsletter.ts), then the feed rendering benchmark (bench/feeds.ts), printing
 * medians, p95s and ratios side by side. Nothing here asserts on timings.
 *
 * Flags: --items N (published items, default 100000), --quick (5000 items, fewer runs),
 * --real N (items created through the Local API, default 2000), --runs N (default 30),
 * --db sqlite,postgres, --explain (SQL, plans and per-statement times), --no-indexes (skip the
 * candidate-index re-run), --no-http, --no-feeds, --no-load (skip the load test of `npm start`),
 * --subscribers N (newsletter digest, default 10000; --quick: 2000), --no-newsletter,
 * --only listing,newsletter,feeds,load,pages (run just those sections). `pages`: the public pages
 * and the JSON API under wrk load, cached and uncached, at --items N on SQLite (bench/pages.ts).
 *
 * Run with `node --conditions=production --import tsx bench/run.ts` (npm run bench does): Lexical's
 * node entry otherwise deadlocks Node 20's ESM loader.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { spawnSync } from 'node:child_process'

import { printHttpBench, runHttpBench } from '../demo/scripts/bench-http'
import { startAppServer } from '../tests/support/appServer'
import { startPostgres, type TempPostgres } from '../tests/support/postgres'
import { runFeedsBench } from './feeds'
import { type DbKind, type ListingBenchReport, runListingBench, TARGET_P95_MS } from './listing'
import { runPagesBench } from './pages'
import { type NewsletterBenchReport, newsletterTable, runNewsletterBench, TARGET_MAILS_PER_S, TARGET_PEAK_RSS_MB } from './newsletter'
import { ms, ratio, seconds, table } from './stats'

const argv = process.argv.slice(2)
const flag = (name: string) => argv.includes(`--${name}`)
const value = (name: string) => {
  const i = argv.indexOf(`--${name}`)
  return i > -1 ? argv[i + 1] : undefined
}
const int = (name: string, fallback: number) => {
  const raw = value(name)
  if (raw === undefined) return fallback
  const n = Number(raw.replace(/[_,]/g, ''))
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a whole number ≥ 1, got "${raw}"`)
    process.exit(2)
  }
  return n
}

const quick = flag('quick')
const items = int('items', quick ? 5_000 : 100_000)
const realItems = int('real', quick ? 1_000 : 2_000)
const runs = int('runs', quick ? 15 : 30)
const warmup = int('warmup', quick ? 3 : 5)
const dbs = (value('db') ?? 'sqlite,postgres').split(',').map((d) => d.trim()) as DbKind[]
const subscribers = int('subscribers', quick ? 2_000 : 10_000)
const SECTIONS = ['listing', 'newsletter', 'feeds', 'load', 'pages'] as const
const only = value('only')
  ?.split(',')
  .map((s) => s.trim())
  .filter(Boolean)
for (const s of only ?? []) {
  if (!(SECTIONS as readonly string[]).includes(s)) {
    console.error(`--only: unknown section "${s}" (${SECTIONS.join(', ')})`)
    process.exit(2)
  }
}
/** A section runs unless --only leaves it out or --no-<section> skips it. */
const section = (name: (typeof SECTIONS)[number]) => (!only || only.includes(name)) && !flag(`no-${name}`)
const log = (line: string) => console.log(line)

let pg: TempPostgres | null = null
const tempDirs: string[] = []
function cleanup() {
  try {
    pg?.stop()
  } catch (err) {
    console.error('stopping PostgreSQL failed:', err)
  }
  pg = null
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanup()
    process.exit(130)
  })
}

async function main() {
  const started = performance.now()
  log(`# newsroom benchmark — Node ${process.version}, ${os.cpus().length} CPUs, ${os.platform()} ${os.release()}`)
  if (section('listing')) {
    log(
      `listing: ${items.toLocaleString('en-US')} published items per database, ${realItems.toLocaleString('en-US')} of them through the Local API, ` +
        `${runs} runs after ${warmup} warm-up runs (fewer, at least 3, for a case slower than ~0.7 s: see the runs column); target p95 ≤ ${TARGET_P95_MS} ms (informational, nothing asserts)`,
    )
  }
  const reports: ListingBenchReport[] = []
  for (const kind of section('listing') ? dbs : []) {
    let url: string
    if (kind === 'sqlite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-sqlite-'))
      tempDirs.push(dir)
      url = `file:${path.join(dir, 'bench.db')}`
    } else if (kind === 'postgres') {
      try {
        pg = await startPostgres()
      } catch (err) {
        log(`\n## Listing on PostgreSQL: skipped (${(err as Error).message})`)
        continue
      }
      pg.createDatabase('bench')
      url = pg.url('bench')
    } else {
      throw new Error(`--db: unknown database "${kind}" (sqlite, postgres)`)
    }
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-media-'))
    tempDirs.push(mediaDir)
    reports.push(
      await runListingBench({
        kind,
        url,
        items,
        realItems,
        runs,
        warmup,
        tryIndexes: !flag('no-indexes'),
        explain: flag('explain'),
        http: !flag('no-http'),
        mediaDir,
        log,
      }),
    )
    cleanup()
  }

  if (reports.length) {
    log('')
    log('## Listing summary (ms; runListing via the Local API unless noted)')
    const cols = reports.flatMap((r) => [`${r.label} median`, `${r.label} p95`])
    const rows: string[][] = reports[0]!.cases.map((c, k) => [
      `(${c.id}) ${c.label.replace(/ of a cursor walk.*/, '')}`,
      ...reports.flatMap((r) => [ms(r.cases[k]!.summary.median), ms(r.cases[k]!.summary.p95)]),
    ])
    rows.push(['naive first page (3 finds + 3 counts)', ...reports.flatMap((r) => [ms(r.naiveAtN.median), ms(r.naiveAtN.p95)])])
    rows.push(['naive / index (a)', ...reports.flatMap((r) => [ratio(r.naiveAtN.median, r.cases[0]!.summary.median), ratio(r.naiveAtN.p95, r.cases[0]!.summary.p95)])])
    if (reports.some((r) => r.http)) rows.push(['(a) over HTTP', ...reports.flatMap((r) => [ms(r.http?.median), ms(r.http?.p95)])])
    reports[0]!.prototypes.forEach((c, k) =>
      rows.push([`(${c.id}) part: ${c.label}`, ...reports.flatMap((r) => [ms(r.prototypes[k]!.summary.median), ms(r.prototypes[k]!.summary.p95)])]),
    )
    if (reports.some((r) => r.withIndexes)) {
      reports[0]!.cases.forEach((c, k) =>
        rows.push([`(${c.id}) with candidate indexes`, ...reports.flatMap((r) => [ms(r.withIndexes?.cases[k]!.summary.median), ms(r.withIndexes?.cases[k]!.summary.p95)])]),
      )
      rows.push(['naive with candidate indexes', ...reports.flatMap((r) => [ms(r.withIndexes?.naiveAtN.median), ms(r.withIndexes?.naiveAtN.p95)])])
      reports[0]!.prototypes.forEach((c, k) =>
        rows.push([
          `(${c.id}) part: ${c.label}, with candidate indexes`,
          ...reports.flatMap((r) => [ms(r.withIndexes?.prototypes[k]!.summary.median), ms(r.withIndexes?.prototypes[k]!.summary.p95)]),
        ]),
      )
    }
    for (const line of table(['case', ...cols], rows)) log(line)
    log('')
    for (const r of reports) {
      const misses = r.cases.filter((c) => c.summary.p95 > TARGET_P95_MS).map((c) => `(${c.id}) p95 ${ms(c.summary.p95)} ms`)
      log(
        `${r.label}: N = ${r.published.toLocaleString('en-US')} published items, ${r.indexRows.toLocaleString('en-US')} index rows; ` +
          `p95 ≤ ${TARGET_P95_MS} ms: ${misses.length ? `missed by ${misses.join(', ')}` : 'met by every case'}; ` +
          `naive/index at N = ${r.small.n.toLocaleString('en-US')} (Local API set): ${ratio(r.small.naive.median, r.small.index.median)} median, ` +
          `at N = ${r.published.toLocaleString('en-US')}: ${ratio(r.naiveAtN.median, r.cases[0]!.summary.median)} median; ` +
          `Local API ${Math.round(r.setup.localApi.items / (r.setup.localApi.ms / 1000))} items/s, bulk load ${seconds(r.setup.bulk.ms)}`,
      )
    }
  }

  if (section('newsletter')) {
    log('')
    log(
      `# Newsletter: digest to ${subscribers.toLocaleString('en-US')} subscribers per database through a local SMTP sink; ` +
        `targets ≥ ${TARGET_MAILS_PER_S} mails/s and peak RSS of the sender < ${TARGET_PEAK_RSS_MB} MB (informational, nothing asserts). ` +
        `Sender, sink and database share the ${os.cpus().length} CPUs.`,
    )
    const newsletter: NewsletterBenchReport[] = []
    for (const kind of dbs) {
      let url: string
      if (kind === 'sqlite') {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-sqlite-'))
        tempDirs.push(dir)
        url = `file:${path.join(dir, 'newsletter.db')}`
      } else if (kind === 'postgres') {
        try {
          pg = await startPostgres()
        } catch (err) {
          log(`\n## Newsletter on PostgreSQL: skipped (${(err as Error).message})`)
          continue
        }
        pg.createDatabase('newsletter')
        url = pg.url('newsletter')
      } else {
        throw new Error(`--db: unknown database "${kind}" (sqlite, postgres)`)
      }
      const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-media-'))
      tempDirs.push(mediaDir)
      newsletter.push(await runNewsletterBench({ kind, url, subscribers, mediaDir, log }))
      cleanup()
    }
    if (newsletter.length > 1) {
      log('')
      log('## Newsletter summary')
      for (const line of newsletterTable(newsletter)) log(line)
    }
  }

  if (section('feeds')) {
    log('')
    log('## Feeds')
    await runFeedsBench({ log, ...(quick ? { samples: 5, sampleMs: 150 } : {}) })
  }
  if (section('load')) {
    log('')
    log('## Endpoints under load: npm start on SQLite, 6 seeded + 40 generated items, autocannon from this (second) process')
    const app = await startAppServer({ TRUST_PROXY: '1' }) // the load generator plays the proxy: its X-Forwarded-For tells clients apart
    try {
      const seed = spawnSync('npm', ['run', '-s', 'seed', '--', '--items', '40'], {
        env: { ...process.env, DATABASE_URL: `file:${path.join(app.dir, 'newsroom.db')}` },
        encoding: 'utf8',
      })
      if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr}`)
      printHttpBench(await runHttpBench(app.baseUrl))
    } finally {
      await app.stop()
    }
  }
  if (section('pages')) {
    log('')
    log(`## Public pages beside the JSON API: ${items.toLocaleString('en-US')} published items, npm start on SQLite`)
    await runPagesBench({ items, seconds: quick ? 4 : 8, log })
  }
  log('')
  log(`total ${seconds(performance.now() - started)}`)
}

main().then(
  () => {
    cleanup()
    process.exit(0)
  },
  (err) => {
    console.error(err)
    cleanup()
    process.exit(1)
  },
)
