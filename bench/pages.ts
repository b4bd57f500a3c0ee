/**
 * The public pages under load, beside the JSON API they are built on: `npm start` on a SQLite file
 * with N published items (bulk-loaded as in the listing bench), `wrk` from this process. Cached:
 * anonymous requests the public cache answers (after one fill). Uncached: the same requests with a
 * `Cookie: payload-token=…` that is no login (the cache lets every request with a cookie through,
 * so Next renders each one; the API answers them as anonymous). Prints req/s, p50/p95/p99 and the
 * ratios the targets name; nothing asserts.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { startAppServer } from '../tests/support/appServer'
import { prepareBenchDatabase } from './listing'
import { ms, ratio, table } from './stats'

/** Cached pages within 2× of the cached JSON listing's req/s; uncached Aktuellt p95 ≤ 100 ms. */
export const TARGET_CACHED_RATIO = 2
export const TARGET_UNCACHED_P95_MS = 100

/** What a browser sends: the cache stores br and gzip once per entry. */
const ACCEPT_ENCODING = 'gzip, deflate, br'
const BYPASS_COOKIE = 'payload-token=bench-not-a-login'
const SEARCH = 'q=psykisk%20h%C3%A4lsa'

type WrkResult = { rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number }
type Row = { label: string; connections: number; result: WrkResult }

/** One wrk run over `paths` (rotating), with a Lua `done` that prints p95 (wrk's --latency stops at 90/99). */
function wrk(base: string, paths: string[], o: { connections: number; seconds: number; cookie?: boolean }): WrkResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-wrk-'))
  const script = path.join(dir, 'bench.lua')
  fs.writeFileSync(
    script,
    `local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }
local i = 0
request = function()
  i = i + 1
  return wrk.format(nil, paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRKJSON {\\"requests\\":%d,\\"duration\\":%d,\\"p50\\":%.3f,\\"p95\\":%.3f,\\"p99\\":%.3f,\\"errors\\":%d,\\"status\\":%d}\\n",
    summary.requests, summary.duration, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
`,
  )
  const args = ['-t', String(Math.min(2, o.connections)), '-c', String(o.connections), '-d', `${o.seconds}s`, '--timeout', '10s', '-s', script, '-H', `Accept-Encoding: ${ACCEPT_ENCODING}`]
  if (o.cookie) args.push('-H', `Cookie: ${BYPASS_COOKIE}`)
  const run = spawnSync('wrk', [...args, base], { encoding: 'utf8' })
  fs.rmSync(dir, { recursive: true, force: true })
  const line = run.stdout?.split('\n').find((l) => l.startsWith('WRKJSON '))
  if (run.status !== 0 || !line) throw new Error(`wrk failed (${run.error?.message ?? run.status}): ${run.stderr}${run.stdout}`)
  const r = JSON.parse(line.slice(8)) as { requests: number; duration: number; p50: number; p95: number; p99: number; errors: number; status: number }
  return { rps: r.requests / (r.duration / 1e6), p50: r.p50, p95: r.p95, p99: r.p99, errors: r.errors, non2xx: r.status }
}

export async function runPagesBench(o: { items: number; seconds: number; log: (line: string) => void }) {
  const { log } = o
  if (spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error) {
    log('pages: skipped (no `wrk`: apt-get install wrk)')
    return
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-pages-'))
  try {
    const url = `file:${path.join(dir, 'pages.db')}`
    const { itemPaths } = await prepareBenchDatabase({ kind: 'sqlite', url, items: o.items, realItems: 60, mediaDir: path.join(dir, 'media'), log })
    const app = await startAppServer({ DATABASE_URL: url, SEED: 'false', RUN_JOBS: 'false' })
    try {
      const base = app.baseUrl
      const aktuellt = ['/aktuellt']
      const search = [`/aktuellt?${SEARCH}`]
      const api = ['/api/newsroom/items']
      const apiSearch = [`/api/newsroom/items?${SEARCH}`]
      // Warm: Next's first render of each route, and one fill of every cached key.
      const sizes: string[] = []
      for (const p of [...aktuellt, ...search, ...api, ...apiSearch, ...itemPaths]) {
        for (const cookie of [false, true]) {
          const res = await fetch(`${base}${p}`, { headers: { 'accept-encoding': 'identity', ...(cookie ? { cookie: BYPASS_COOKIE } : {}) } })
          const body = await res.arrayBuffer()
          if (res.status !== 200) throw new Error(`${p}: ${res.status}`)
          if (!cookie && (p === aktuellt[0] || p === itemPaths[0] || p === api[0])) sizes.push(`${p} ${Math.round(body.byteLength / 1024)} KB`)
        }
      }
      const facets = (await (await fetch(`${base}/api/newsroom/items`)).json()) as { facets: { all: number } }
      log(`served by npm start (SQLite) on ${base}: ${facets.facets.all.toLocaleString('en-US')} items in the listing; ${itemPaths.length} item pages rotated; sizes (identity): ${sizes.join(', ')}`)
      const s = o.seconds
      // One unreported run first: the first wrk run after start-up reads low (JIT, sockets).
      wrk(base, [...api, ...aktuellt, ...itemPaths], { connections: 32, seconds: Math.max(2, s / 2) })
      const rows: Row[] = []
      const add = (label: string, paths: string[], connections: number, cookie = false) => {
        rows.push({ label, connections, result: wrk(base, paths, { connections, seconds: s, cookie }) })
        return rows.at(-1)!.result
      }
      const cached = {
        api: add('JSON `/api/newsroom/items`, cached', api, 32),
        apiSearch: add(`JSON items ?${SEARCH}, cached`, apiSearch, 32),
        aktuellt: add('Aktuellt `/aktuellt`, cached', aktuellt, 32),
        search: add(`Aktuellt ?${SEARCH}, cached`, search, 32),
        item: add('item pages, cached', itemPaths, 32),
      }
      const uncached = {
        api: add('JSON items, uncached', api, 4, true),
        apiSearch: add(`JSON items ?${SEARCH}, uncached`, apiSearch, 4, true),
        aktuellt: add('Aktuellt, uncached', aktuellt, 4, true),
        search: add(`Aktuellt ?${SEARCH}, uncached`, search, 4, true),
        item: add('item pages, uncached', itemPaths, 4, true),
      }
      const one = {
        api: add('JSON items, uncached, one at a time', api, 1, true),
        aktuellt: add('Aktuellt, uncached, one at a time', aktuellt, 1, true),
        search: add(`Aktuellt ?${SEARCH}, uncached, one at a time`, search, 1, true),
        item: add('item pages, uncached, one at a time', itemPaths, 1, true),
      }
      log('')
      log(`wrk from this process on the same ${os.cpus().length} CPUs, ${s} s each, Accept-Encoding: ${ACCEPT_ENCODING}`)
      const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
      for (const line of table(
        ['case', 'connections', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors / non-2xx'],
        rows.map((r) => [r.label, String(r.connections), fmt(r.result.rps), ms(r.result.p50), ms(r.result.p95), ms(r.result.p99), `${r.result.errors} / ${r.result.non2xx}`]),
      ))
        log(line)
      log('')
      const within = (page: WrkResult) => (cached.api.rps / page.rps <= TARGET_CACHED_RATIO ? 'met' : 'missed')
      log(
        `cached JSON listing / cached page req/s (target ≤ ${TARGET_CACHED_RATIO}×): Aktuellt ${ratio(cached.api.rps, cached.aktuellt.rps)} (${within(cached.aktuellt)}), ` +
          `search ${ratio(cached.api.rps, cached.search.rps)} (${within(cached.search)}), item pages ${ratio(cached.api.rps, cached.item.rps)} (${within(cached.item)})`,
      )
      log(
        `uncached Aktuellt p95 (target ≤ ${TARGET_UNCACHED_P95_MS} ms): one at a time ${ms(one.aktuellt.p95)} ms, 4 connections ${ms(uncached.aktuellt.p95)} ms; ` +
          `with the search ${ms(one.search.p95)} / ${ms(uncached.search.p95)} ms`,
      )
      log(
        `cached / uncached req/s: Aktuellt ${ratio(cached.aktuellt.rps, uncached.aktuellt.rps)}, item pages ${ratio(cached.item.rps, uncached.item.rps)}, JSON ${ratio(cached.api.rps, uncached.api.rps)}; ` +
          `uncached page / uncached JSON p50 (one at a time): Aktuellt ${ratio(one.aktuellt.p50, one.api.p50)}`,
      )
    } finally {
      await app.stop()
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
