/**
 * `npm run lighthouse [-- baseUrl]`: Lighthouse 12 (Node 20; 13 needs Node 22) in Debian's
 * Chromium (CHROME_PATH, default /usr/bin/chromium) against the Aktuellt page and an item page,
 * with Lighthouse's mobile defaults (simulated slow 4G and CPU) and its desktop preset. Without a
 * base URL it runs `npm start` with the seed content on a temp SQLite file. Prints the scores;
 * nothing asserts (scores vary with the machine's load).
 */
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { type Flags } from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'

import { startAppServer } from '../tests/support/appServer'

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

async function main() {
  const given = process.argv[2]
  const app = given ? null : await startAppServer()
  const base = (given ?? app!.baseUrl).replace(/\/$/, '')
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    const listing = (await (await fetch(`${base}/api/newsroom/items?type=news&limit=1`)).json()) as { items: { url: string }[] }
    const item = new URL(listing.items[0]!.url).pathname
    const pages = [
      ['Aktuellt', '/aktuellt'],
      ['item page', item],
    ] as const
    console.log(`Lighthouse in ${process.env.CHROME_PATH ?? '/usr/bin/chromium'} against ${base}`)
    console.log(`| page | preset | ${CATEGORIES.join(' | ')} | LCP ms | TBT ms | CLS |`)
    console.log(`|---|---|${CATEGORIES.map(() => '--:').join('|')}|--:|--:|--:|`)
    for (const [label, path] of pages) {
      for (const [preset, config] of [['mobile', undefined], ['desktop', desktopConfig]] as const) {
        const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }
        const result = await lighthouse(`${base}${path}`, flags, config)
        if (!result) throw new Error(`no Lighthouse result for ${path}`)
        const { lhr } = result
        if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
        const score = (c: string) => Math.round((lhr.categories[c]?.score ?? NaN) * 100)
        const audit = (id: string) => lhr.audits[id]?.numericValue
        const failed = CATEGORIES.flatMap((c) => lhr.categories[c]?.auditRefs ?? [])
          .filter((r) => r.weight > 0)
          .map((r) => lhr.audits[r.id]!)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
          .map((a) => a.id)
        console.log(
          `| ${label} \`${path}\` | ${preset} | ${CATEGORIES.map(score).join(' | ')} | ${Math.round(audit('largest-contentful-paint') ?? NaN)} | ${Math.round(audit('total-blocking-time') ?? NaN)} | ${(audit('cumulative-layout-shift') ?? NaN).toFixed(3)} |` +
            (failed.length ? ` below 1: ${[...new Set(failed)].join(', ')}` : ''),
        )
      }
    }
  } finally {
    await chrome.kill()
    await app?.stop()
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
