/**
 * The sender of the newsletter benchmark, run as its own process by bench/newsletter.ts: what
 * `npm run digest` does (demo/scripts/digest.ts: boot Payload without seeding or job crons, runDigest),
 * plus its own figures on stdout as one JSON line: the digest's wall time, its CPU time and the
 * process's peak RSS (VmHWM: exact, not sampled).
 *
 *   node --conditions=production --import tsx bench/digest-worker.ts --frequency daily --period bench:1
 *
 * The mail transport is the one payload.config.ts builds from SMTP_URL (`smtpTransport`: pooled
 * connections, TCP_NODELAY).
 */
import fs from 'node:fs'
import { performance } from 'node:perf_hooks'

import { getPayload } from 'payload'

import { createConfig } from '../payload.config'
import { runDigest } from '../src/scripts'
import { readEnv } from '../demo/env'
import { arg } from '../demo/scripts/withPayload'

const frequency = arg('frequency') === 'weekly' ? 'weekly' : 'daily'

/**
 * This process's peak RSS in KB: VmHWM on Linux. Not getrusage's maxrss, which Linux carries over
 * from the forked copy of the parent before exec: after the listing section the bench process is
 * ~900 MB, and every sender "peaked" at that (seen: 894 MB, against 280 MB run alone).
 */
function peakRssKb(): number {
  try {
    return Number(/^VmHWM:\s+(\d+)/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1])
  } catch {
    return process.resourceUsage().maxRSS
  }
}

async function main() {
  const env = readEnv({ ...process.env, SEED: 'false', RUN_JOBS: 'false' })
  const config = createConfig(env)
  // BENCH_SQL_TRACE=1: count the SQL statements of the run by text (printed to stderr at the end).
  const statements = new Map<string, number>()
  if (process.env.BENCH_SQL_TRACE) {
    const resolved = await config
    const init = resolved.db.init
    resolved.db = { ...resolved.db, init: (args) => Object.assign(init(args), { logger: { logQuery: (q: string) => statements.set(q, (statements.get(q) ?? 0) + 1) } }) }
  }
  const payload = await getPayload({ config })
  if (process.env.BENCH_MEMORY_TRACE) {
    setInterval(() => {
      const m = process.memoryUsage()
      const mbOf = (n: number) => Math.round(n / 1048576)
      console.error(`memory: rss ${mbOf(m.rss)} heapUsed ${mbOf(m.heapUsed)} heapTotal ${mbOf(m.heapTotal)} external ${mbOf(m.external)} arrayBuffers ${mbOf(m.arrayBuffers)} MB`)
    }, Number(process.env.BENCH_MEMORY_TRACE) || 2000).unref()
  }
  const before = process.resourceUsage()
  const bootPeakRssKb = peakRssKb()
  const start = performance.now()
  const result = await runDigest(payload, { frequency, period: arg('period') })
  const runMs = performance.now() - start
  const usage = process.resourceUsage()
  console.log(
    `BENCH_RESULT ${JSON.stringify({
      ...result,
      runMs,
      bootPeakRssKb,
      peakRssKb: peakRssKb(),
      /** CPU of the digest run alone (boot excluded). */
      cpuMs: (usage.userCPUTime - before.userCPUTime + usage.systemCPUTime - before.systemCPUTime) / 1000,
      heapUsedMb: process.memoryUsage().heapUsed / 1048576,
    })}`,
  )
  if (statements.size) {
    for (const [q, n] of [...statements].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.error(`${String(n).padStart(7)}  ${q.replace(/\s+/g, ' ').slice(0, 300)}`)
  }
  await payload.destroy()
}

// No top-level await (see demo/scripts/withPayload.ts).
main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
