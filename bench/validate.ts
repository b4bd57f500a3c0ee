/**
 * The feed library's input validation alone: 1000 items as a CMS hands them over (dates as ISO
 * strings), 365 calendar events. Candidates are interleaved per round, a GC before each sample;
 * the median ops/s is printed. `npx tsx bench/validate.ts [--compare path/to/validate.ts]`
 * also runs another copy of feeds/validate.ts (e.g. an older one) side by side.
 */
import { performance } from 'node:perf_hooks'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

import { calendarEventsSchema, feedItemsSchema } from '../feeds/schema'
import { parseEvents, parseItems } from '../feeds/validate'
import { makeEvents, makeItems } from './feeds'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

type Candidate = { name: string; run: () => unknown }

async function main() {
  const items = makeItems(1000)
  const events = makeEvents(365)
  const candidates: Candidate[] = [
    { name: 'items: parseItems', run: () => parseItems(items) },
    { name: 'items: zod feedItemsSchema.parse', run: () => feedItemsSchema.parse(items) },
    { name: 'events: parseEvents', run: () => parseEvents(events) },
    { name: 'events: zod calendarEventsSchema.parse', run: () => calendarEventsSchema.parse(events) },
  ]
  const i = process.argv.indexOf('--compare')
  if (i > 0) {
    const other = (await import(pathToFileURL(path.resolve(process.argv[i + 1]!)).href)) as typeof import('../feeds/validate')
    candidates.push({ name: 'items: parseItems (compared)', run: () => other.parseItems(items) }, { name: 'events: parseEvents (compared)', run: () => other.parseEvents(events) })
  }
  const samples = new Map<string, number[]>(candidates.map((c) => [c.name, []]))
  const rounds = Number(process.env.ROUNDS ?? 15)
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[(k + round) % candidates.length]!
      gc()
      c.run()
      let n = 0
      const start = performance.now()
      while (performance.now() - start < 200) {
        c.run()
        n++
      }
      samples.get(c.name)!.push((n * 1000) / (performance.now() - start))
    }
  }
  for (const [name, s] of samples) {
    s.sort((a, b) => a - b)
    console.log(`${name.padEnd(42)} ${s[s.length >> 1]!.toFixed(1).padStart(8)} ops/s (median of ${s.length})`)
  }
}

void main()
