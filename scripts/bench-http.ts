/**
 * Load test of the public endpoints of a running `npm start`, from this (second) process:
 *   node --import tsx scripts/bench-http.ts [baseUrl]
 * cached 200, 304, and uncached renders (a query parameter that changes on every request
 * defeats both caches, so each request renders the feed from the database).
 */
import autocannon from 'autocannon'

type Result = { label: string; rps: number; p50: number; p99: number; non2xx: number }

function run(label: string, opts: autocannon.Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon({ connections: 32, duration: 10, ...opts }, (err, r) => {
      if (err) return reject(err)
      resolve({ label, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx })
    })
  })
}

export async function runHttpBench(base: string): Promise<Result[]> {
  const feed = `${base}/api/newsroom/feed.rss`
  const head = await fetch(feed)
  const etag = head.headers.get('etag')!
  const results: Result[] = []
  results.push(await run('feed.rss cached 200 (20 items)', { url: feed }))
  results.push(await run('feed.rss 304 (If-None-Match)', { url: feed, headers: { 'if-none-match': etag } }))
  results.push(await run('items cached 200 (first page + facets)', { url: `${base}/api/newsroom/items` }))
  let n = 0
  results.push(
    await run('feed.rss uncached render', {
      url: feed,
      connections: 8,
      requests: [{ setupRequest: (req) => ({ ...req, path: `/api/newsroom/feed.rss?_=${++n}` }) }],
    }),
  )
  return results
}

export function printHttpBench(results: Result[]) {
  console.log('\nHTTP load (autocannon from a second process, loopback; 32 connections, 10 s; uncached: 8 connections)')
  console.log('| endpoint | req/s | p50 ms | p99 ms | non-2xx |')
  console.log('|---|--:|--:|--:|--:|')
  for (const r of results) console.log(`| ${r.label} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50} | ${r.p99} | ${r.non2xx} |`)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runHttpBench(process.argv[2] ?? 'http://127.0.0.1:3000').then(printHttpBench, (err) => {
    console.error(err)
    process.exit(1)
  })
}
