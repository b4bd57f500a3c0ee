/**
 * Load test of the public endpoints of a running `npm start`, from this (second) process:
 *   node --import tsx scripts/bench-http.ts [baseUrl]
 * cached 200, 304, and uncached renders (a query parameter that changes on every request
 * defeats both caches, so each request renders the feed from the database), then sign-ups:
 * `POST /api/newsroom/subscribe`, each request a new address from a new client IP (X-Forwarded-For),
 * so the limits per IP (10 a minute) and per address (3 an hour) are not what is measured; and a
 * flood from one IP, answered 429 after its first 10.
 */
import autocannon from 'autocannon'

type Result = { label: string; connections: number; rps: number; p50: number; p99: number; non2xx: number; statuses: string }

const CONNECTIONS = 32

function run(label: string, opts: autocannon.Options): Promise<Result> {
  const connections = opts.connections ?? CONNECTIONS
  return new Promise((resolve, reject) => {
    autocannon({ duration: 10, ...opts, connections }, (err, r) => {
      if (err) return reject(err)
      const statuses = ['2xx', '3xx', '4xx', '5xx']
        .map((k) => [k, r[k as '2xx'] ?? 0] as const)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k}: ${n.toLocaleString('en')}`)
        .join(', ')
      resolve({ label, connections, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, statuses })
    })
  })
}

/** 10.a.b.c for request n (16 million distinct addresses). */
const ipFor = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`

export async function runHttpBench(base: string): Promise<Result[]> {
  const feed = `${base}/api/newsroom/feed.rss`
  const head = await fetch(feed)
  const etag = head.headers.get('etag')!
  const results: Result[] = []
  results.push(await run('feed.rss cached 200 (20 items)', { url: feed }))
  results.push(await run('feed.rss cached 200, gzip (Accept-Encoding as feed readers send it)', { url: feed, headers: { 'accept-encoding': 'gzip' } }))
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

  const subscribe = `${base}/api/newsroom/subscribe`
  const run0 = Date.now().toString(36)
  let signups = 0
  results.push(
    await run('subscribe: new address, new client IP each (202)', {
      url: subscribe,
      connections: 8,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const k = ++signups
            return {
              ...req,
              method: 'POST',
              path: '/api/newsroom/subscribe',
              headers: { ...req.headers, 'content-type': 'application/json', 'x-forwarded-for': ipFor(k) },
              body: JSON.stringify({ email: `last-${run0}-${k}@bench.example`, consent: true, frequency: k % 3 ? 'weekly' : 'daily', locale: k % 10 ? 'sv' : 'en' }),
            }
          },
        },
      ],
    }),
  )
  let flood = 0
  results.push(
    await run('subscribe: flood from one client IP (429 after 10)', {
      url: subscribe,
      connections: 8,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({
            ...req,
            method: 'POST',
            path: '/api/newsroom/subscribe',
            headers: { ...req.headers, 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.200' },
            body: JSON.stringify({ email: `flood-${run0}-${++flood}@bench.example`, consent: true }),
          }),
        },
      ],
    }),
  )
  return results
}

export function printHttpBench(results: Result[]) {
  console.log(`\nHTTP load (autocannon from a second process, loopback; 10 s each)`)
  console.log('| endpoint | connections | req/s | p50 ms | p99 ms | non-2xx | statuses |')
  console.log('|---|--:|--:|--:|--:|--:|---|')
  for (const r of results) {
    console.log(`| ${r.label} | ${r.connections} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50} | ${r.p99} | ${r.non2xx.toLocaleString('en')} | ${r.statuses} |`)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runHttpBench(process.argv[2] ?? 'http://127.0.0.1:3000').then(printHttpBench, (err) => {
    console.error(err)
    process.exit(1)
  })
}
