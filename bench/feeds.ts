/**
 * Feed rendering benchmark: our `feeds/` library against `rss`, `feed` and
 * `feedsmith` on the same items. Run with `npx tsx bench/feeds.ts`.
 *
 * Every operation starts from the same plain item objects (what a CMS query
 * returns: dates as ISO 8601 strings, as src/feeds/build.ts passes them) and
 * ends with the document string, so mapping to each library's input shape is
 * included (for the others that means `new Date(string)`), and so is our
 * validation (which parses the strings). Every library is given the same
 * fields it can write, so no document leaves out work another one does.
 *
 * Each output string is read once (`charCodeAt`) so it is flattened: V8's
 * `JSON.stringify` and `+=` return lazy rope strings whose copying otherwise
 * only happens later, when the response is written.
 *
 * Samples of all candidates are interleaved, the order rotates every round,
 * and before each sample a full GC runs (so no candidate pays for another
 * one's garbage), followed by an untimed warm-up (a forced GC may flush the
 * bytecode of functions that have not run for a while).
 */
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Feed } from 'feed'
import { generateAtomFeed, generateJsonFeed, generateRssFeed } from 'feedsmith'
import RSS from 'rss'
import {
  renderAtom,
  renderICalendar,
  renderJsonFeed,
  renderRss,
  type CalendarEventInput,
  type FeedChannelInput,
  type FeedItemInput,
} from 'newsroom-feeds'

type Format = 'RSS 2.0' | 'Atom 1.0' | 'JSON Feed 1.1' | 'iCalendar'

interface Candidate {
  name: string
  format: Format
  run: () => string
}

export interface BenchRow {
  format: Format
  items: number
  /** Median ops/s per library. */
  opsPerSecond: Record<string, number>
  /** ours / fastest competitor (undefined when there is no competitor). */
  ratio?: number
}

export interface FeedsBenchOptions {
  sizes?: number[]
  /** Samples per candidate (median is reported). */
  samples?: number
  /** Minimum duration of one sample in ms. */
  sampleMs?: number
  log?: (line: string) => void
}

const OURS = 'ours'

/** `global.gc`, also when node was started without --expose-gc. */
function getGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc
  if (existing) return existing
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

const BODY =
  '<p>Kommunfullmäktige har beslutat att bygga en ny skola i Ängö. Bygget börjar i höst och beräknas vara klart ' +
  'till läsåret 2028/29. Skolan får plats för 450 elever från förskoleklass till årskurs 9.</p>' +
  '<p>– Det här är en viktig satsning för hela kommunen, säger Åsa Öberg (S), ordförande i barn- och ' +
  'utbildningsnämnden. Vi vet att elevantalet ökar & att behovet är stort.</p>' +
  '<h2>Så påverkas du</h2><ul><li>Skolvägen stängs under byggtiden.</li><li>Informationsmöte hålls i aulan.</li></ul>' +
  '<p>Läs mer på <a href="https://example.se/skola?x=1&amp;y=2">kommunens webbplats</a>. 🎉</p>'

export const benchChannel: FeedChannelInput = {
  title: 'Nyheter från Exempelkommunen',
  description: 'Pressmeddelanden och nyheter',
  link: 'https://example.se/',
  feedUrl: 'https://example.se/feeds/news.xml',
  language: 'sv',
  updated: new Date('2026-03-20T08:15:30Z'),
  author: { name: 'Kommunikationsavdelningen', email: 'press@example.se' },
  copyright: '© 2026 Exempelkommunen',
}

export function makeItems(count: number): FeedItemInput[] {
  const items: FeedItemInput[] = []
  for (let i = 0; i < count; i++) {
    const published = Date.UTC(2026, 2, 20, 8) - i * 3_600_000
    items.push({
      id: `news-${i}`,
      url: `https://example.se/nyheter/artikel-${i}`,
      title: `Ny skola i Ängö – beslut nr ${i} & <mer>`,
      summary: 'Kommunfullmäktige har beslutat att bygga en ny skola i Ängö. Bygget börjar i höst och beräknas vara klart 2028.',
      contentHtml: BODY,
      published: new Date(published).toISOString(),
      updated: new Date(published + 600_000).toISOString(),
      categories: [
        { term: 'skola', label: 'Skola & utbildning' },
        { term: 'press', label: 'Pressmeddelanden' },
      ],
      authors: [{ name: 'Åsa Öberg', email: 'asa@example.se' }],
      image: { url: `https://example.se/media/bild-${i}.jpg`, type: 'image/jpeg', length: 123_456, width: 1200, height: 800 },
    })
  }
  return items
}

export function makeEvents(count: number): CalendarEventInput[] {
  const events: CalendarEventInput[] = []
  for (let i = 0; i < count; i++) {
    const start = new Date(Date.UTC(2026, 0, 1, 17) + i * 86_400_000)
    events.push({
      id: `event-${i}`,
      sequence: i % 5,
      title: `Evenemang ${i}: konsert, mat & dryck`,
      description: 'Välkommen till en kväll med musik, föreläsningar och mat för både stora och små; kom gärna tidigt. 🎶'.repeat(2),
      location: 'Stora torget, Ängö',
      url: `https://example.se/evenemang/${i}`,
      categories: ['Musik', 'Mat, dryck'],
      start,
      end: new Date(start.getTime() + 2 * 3_600_000),
      allDay: i % 7 === 0,
      cancelled: i % 11 === 0,
      updated: new Date('2026-01-01T00:00:00Z'),
    })
  }
  return events
}

const date = (value: FeedItemInput['published']) => (value instanceof Date ? value : new Date(value))

function candidates(items: FeedItemInput[], events: CalendarEventInput[]): Candidate[] {
  const c = benchChannel
  const updated = date(c.updated)
  return [
    { name: OURS, format: 'RSS 2.0', run: () => renderRss(c, items) },
    {
      name: 'rss',
      format: 'RSS 2.0',
      run: () => {
        const feed = new RSS({
          title: c.title,
          description: c.description,
          site_url: c.link,
          feed_url: c.feedUrl,
          language: c.language,
          copyright: c.copyright,
          managingEditor: 'press@example.se (Kommunikationsavdelningen)',
          pubDate: updated,
          custom_namespaces: { content: 'http://purl.org/rss/1.0/modules/content/', media: 'http://search.yahoo.com/mrss/' },
        })
        for (const item of items) {
          feed.item({
            title: item.title,
            description: item.summary ?? '',
            url: item.url,
            guid: item.id,
            date: date(item.published),
            categories: item.categories?.map((category) => category.label),
            author: item.authors?.[0]?.name,
            enclosure: { url: item.image!.url, type: item.image!.type, size: item.image!.length },
            custom_elements: [
              { 'content:encoded': item.contentHtml },
              {
                'media:content': {
                  _attr: {
                    url: item.image!.url,
                    type: item.image!.type,
                    medium: 'image',
                    fileSize: item.image!.length,
                    width: item.image!.width,
                    height: item.image!.height,
                  },
                },
              },
            ],
          })
        }
        return feed.xml()
      },
    },
    ...(['RSS 2.0', 'Atom 1.0', 'JSON Feed 1.1'] as const).map(
      (format): Candidate => ({
        name: 'feed',
        format,
        run: () => {
          const feed = new Feed({
            id: c.feedUrl,
            title: c.title,
            description: c.description,
            link: c.link,
            language: c.language,
            updated,
            copyright: c.copyright ?? '',
            feedLinks: { rss: c.feedUrl, atom: c.feedUrl, json: c.feedUrl },
            author: { name: c.author!.name, email: c.author!.email },
          })
          for (const item of items) {
            feed.addItem({
              id: item.url, // feed's atom1() requires URL ids
              guid: item.id,
              title: item.title,
              link: item.url,
              description: item.summary,
              content: item.contentHtml,
              date: date(item.updated),
              published: date(item.published),
              category: item.categories?.map((category) => ({ name: category.label, term: category.term })),
              author: item.authors?.map((author) => ({ name: author.name, email: author.email })),
              image: { url: item.image!.url, type: item.image!.type, length: item.image!.length },
            })
          }
          return format === 'RSS 2.0' ? feed.rss2() : format === 'Atom 1.0' ? feed.atom1() : feed.json1()
        },
      }),
    ),
    {
      name: 'feedsmith',
      format: 'RSS 2.0',
      run: () =>
        generateRssFeed({
          title: c.title,
          link: c.link,
          description: c.description ?? '',
          language: c.language,
          copyright: c.copyright,
          lastBuildDate: updated,
          generator: 'bench',
          atom: { links: [{ href: c.feedUrl, rel: 'self', type: 'application/rss+xml' }] },
          items: items.map((item) => ({
            title: item.title,
            link: item.url,
            guid: { value: item.id, isPermaLink: false },
            pubDate: date(item.published),
            description: item.summary,
            content: { encoded: item.contentHtml },
            categories: item.categories?.map((category) => ({ name: category.label })),
            dc: { creators: item.authors?.map((author) => author.name) },
            enclosures: [{ url: item.image!.url, type: item.image!.type, length: item.image!.length }],
            media: {
              contents: [
                {
                  url: item.image!.url,
                  type: item.image!.type,
                  medium: 'image',
                  fileSize: item.image!.length,
                  width: item.image!.width,
                  height: item.image!.height,
                },
              ],
            },
          })),
        }),
    },
    { name: OURS, format: 'Atom 1.0', run: () => renderAtom(c, items) },
    {
      name: 'feedsmith',
      format: 'Atom 1.0',
      run: () =>
        generateAtomFeed({
          id: c.feedUrl,
          title: { value: c.title, type: 'text' },
          subtitle: { value: c.description ?? '', type: 'text' },
          rights: { value: c.copyright ?? '', type: 'text' },
          generator: { text: 'bench' },
          updated,
          links: [
            { href: c.feedUrl, rel: 'self', type: 'application/atom+xml' },
            { href: c.link, rel: 'alternate', type: 'text/html' },
          ],
          authors: [{ name: c.author!.name, email: c.author!.email }],
          entries: items.map((item) => ({
            id: item.id,
            title: { value: item.title, type: 'text' },
            updated: date(item.updated),
            published: date(item.published),
            links: [
              { href: item.url, rel: 'alternate', type: 'text/html' },
              { href: item.image!.url, rel: 'enclosure', type: item.image!.type, length: item.image!.length },
            ],
            summary: { value: item.summary ?? '', type: 'text' },
            content: { value: item.contentHtml, type: 'html' },
            categories: item.categories?.map((category) => ({ term: category.term, label: category.label })),
            authors: item.authors?.map((author) => ({ name: author.name, email: author.email })),
          })),
        }),
    },
    { name: OURS, format: 'JSON Feed 1.1', run: () => renderJsonFeed(c, items) },
    {
      name: 'feedsmith',
      format: 'JSON Feed 1.1',
      run: () =>
        JSON.stringify(
          generateJsonFeed({
            title: c.title,
            home_page_url: c.link,
            feed_url: c.feedUrl,
            description: c.description,
            language: c.language,
            authors: [{ name: c.author!.name }],
            items: items.map((item) => ({
              id: item.id,
              url: item.url,
              title: item.title,
              content_html: item.contentHtml,
              summary: item.summary,
              image: item.image!.url,
              date_published: date(item.published),
              date_modified: date(item.updated),
              tags: item.categories?.map((category) => category.label),
              authors: item.authors?.map((author) => ({ name: author.name })),
            })),
          }),
        ),
    },
    {
      name: OURS,
      format: 'iCalendar',
      run: () => renderICalendar({ name: 'Evenemang', host: 'example.se' }, events),
    },
  ]
}

/** Ops/s of one sample: runs `fn` repeatedly for at least `sampleMs`. */
function sample(fn: () => string, sampleMs: number): number {
  let ops = 0
  let sink = 0
  const start = performance.now()
  let elapsed = 0
  do {
    const out = fn()
    sink += out.charCodeAt(out.length >> 1) // flattens a rope string
    ops++
    elapsed = performance.now() - start
  } while (elapsed < sampleMs)
  if (sink === 0) throw new Error('empty output')
  return (ops * 1000) / elapsed
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const formatOps = (ops: number | undefined) =>
  ops === undefined ? '–' : ops >= 100 ? Math.round(ops).toLocaleString('en-US') : ops.toFixed(1)

/** Runs the benchmark, prints a table and returns the rows. */
export async function runFeedsBench(options: FeedsBenchOptions = {}): Promise<BenchRow[]> {
  const { sizes = [20, 1000], samples = 7, sampleMs = 250, log = console.log } = options
  const rows: BenchRow[] = []
  const libraries = [OURS, 'rss', 'feed', 'feedsmith']
  const gc = getGc()

  for (const size of sizes) {
    const all = candidates(makeItems(size), makeEvents(size))
    // Warm up (JIT) and make sure everything produces output.
    for (const candidate of all) sample(candidate.run, sampleMs / 2)
    const results = new Map<Candidate, number[]>(all.map((candidate) => [candidate, []]))
    // Interleave samples (rotating the order) so drift hits every library alike.
    for (let round = 0; round < samples; round++) {
      for (let k = 0; k < all.length; k++) {
        const candidate = all[(k + round) % all.length]!
        gc()
        sample(candidate.run, Math.min(50, sampleMs / 5)) // warm-up, untimed
        results.get(candidate)!.push(sample(candidate.run, sampleMs))
      }
    }
    for (const format of ['RSS 2.0', 'Atom 1.0', 'JSON Feed 1.1', 'iCalendar'] as const) {
      const opsPerSecond: Record<string, number> = {}
      for (const candidate of all) {
        if (candidate.format === format) opsPerSecond[candidate.name] = median(results.get(candidate)!)
      }
      const competitors = Object.entries(opsPerSecond).filter(([name]) => name !== OURS)
      const fastest = Math.max(...competitors.map(([, ops]) => ops))
      rows.push({
        format,
        items: size,
        opsPerSecond,
        ratio: competitors.length > 0 ? opsPerSecond[OURS]! / fastest : undefined,
      })
    }
  }

  const header = ['format', 'items', ...libraries.map((name) => `${name} ops/s`), 'ours / fastest other']
  const table = rows.map((row) => [
    row.format,
    String(row.items),
    ...libraries.map((name) => formatOps(row.opsPerSecond[name])),
    row.ratio === undefined ? 'n/a (no competitor installed)' : `${row.ratio.toFixed(2)}×`,
  ])
  const widths = header.map((cell, i) => Math.max(cell.length, ...table.map((line) => line[i]!.length)))
  const line = (cells: string[]) =>
    '| ' + cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ') + ' |'
  log(`feeds benchmark — Node ${process.version}, median of ${samples} samples × ${sampleMs} ms`)
  log(line(header))
  log('| ' + widths.map((width, i) => (i < 2 ? '-'.repeat(width) : '-'.repeat(width - 1) + ':')).join(' | ') + ' |')
  for (const cells of table) log(line(cells))
  const slower = rows.filter((row) => row.ratio !== undefined && row.ratio < 1)
  log(
    slower.length === 0
      ? 'ours is the fastest in every format and size.'
      : `slower than a competitor: ${slower.map((row) => `${row.format} (${row.items})`).join(', ')}`,
  )
  return rows
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runFeedsBench()
}
