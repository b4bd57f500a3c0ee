import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'

import { build } from 'esbuild'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { chromiumMissing, launchChromium } from '../support/chromium'
import { installFootprint } from '../support/footprint'
import { codeBlocks, promisedOutput } from '../support/markdownCode'
import { childEnv, run } from '../support/run'
import { StepTimes } from '../support/stepTimes'
import { parsedAtom, parsedCalendar, parsedJsonFeed, parsedRss } from './parsedFeeds'

const repo = fileURLToPath(new URL('../..', import.meta.url))
const fixture = fileURLToPath(new URL('./fixtures/feeds-app', import.meta.url))
const readme = fs.readFileSync(path.join(repo, 'feeds', 'README.md'), 'utf8')
const tsc = path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc')

const missingBrowser = chromiumMissing()
if (missingBrowser && process.env.CI === 'true') throw new Error(`CI=true but ${missingBrowser}`)

type Documents = { rss: string; atom: string; json: string; ics: string }

/** What a reader sees in the sample (fixtures/feeds-app/sample.mjs), read back by the independent parsers. */
async function expectSampleRead(docs: Documents) {
  const rss = await parsedRss(docs.rss)
  expect(rss.title).toBe('Nyheter & press <Exempelkommunen>')
  expect(rss.items.map((i) => i.title)).toEqual(['Breaking ]]> news & <b>bold</b> 🎉 end', 'Äldre nyhet'])
  expect(rss.items[0]!.categories).toEqual(['Skola & utbildning'])
  const atom = await parsedAtom(docs.atom)
  expect(atom.entries.map((e) => e.title)).toEqual(['Breaking ]]> news & <b>bold</b> 🎉 end', 'Äldre nyhet'])
  expect(atom.entries[0]!.categories).toEqual(['skola'])
  const json = parsedJsonFeed(docs.json)
  expect(json.version).toBe('https://jsonfeed.org/version/1.1')
  expect(json.items[0]!.tags).toEqual(['Skola & utbildning'])
  const events = parsedCalendar(docs.ics)
  expect(events.map((e) => [e.uid, e.summary, e.start, e.allDay, e.status])).toEqual([
    ['event-1@example.se', 'Höstmarknad, musik; mat', '2026-10-24T23:30:00.000Z', false, 'CONFIRMED'],
    ['event-2@example.se', 'Vårdagjämning', expect.any(String), true, 'CONFIRMED'],
    ['event-3@example.se', 'Inställd konsert', '2026-06-12T17:00:00.000Z', false, 'CANCELLED'],
  ])
}

/** A project that installs nothing but the feed library's tarball, as `npm install newsroom-feeds` would. */
describe('the feed library installed from its tarball into a plain Node project', () => {
  const times = new StepTimes('feed-library consumer (tests/consumer/feeds.test.ts)')
  const packed = inject('packed')
  let dir: string

  beforeAll(async () => {
    times.note('npm pack (both packages, global setup)', `feeds ${packed.feeds.size} B packed, ${packed.feeds.unpackedSize} B unpacked, ${packed.feeds.entryCount} files`, packed.ms)
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-feeds-consumer-'))
    fs.cpSync(fixture, dir, { recursive: true })
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'feeds-consumer', private: true, type: 'module', dependencies: { 'newsroom-feeds': `file:${packed.feeds.file}` } }, null, 2),
    )
    await times.time('npm install (feed library only)', () => run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, timeoutMs: 300_000 }))
  })

  afterAll(() => {
    times.report()
    if (dir && !process.env.KEEP_CONSUMER) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('installs zod and nothing else', async () => {
    const { stdout } = await run('npm', ['ls', '--all', '--json'], { cwd: dir })
    const tree = JSON.parse(stdout) as { dependencies: Record<string, { version: string; dependencies?: Record<string, { dependencies?: object }> }> }
    expect(Object.keys(tree.dependencies)).toEqual(['newsroom-feeds'])
    const library = tree.dependencies['newsroom-feeds']!
    expect(Object.keys(library.dependencies ?? {})).toEqual(['zod'])
    expect(library.dependencies!['zod']!.dependencies ?? {}).toEqual({})
    const footprint = await installFootprint(dir)
    expect(footprint.total.packages).toBe(2)
    times.note('install footprint', `${footprint.total.packages} packages, ${(footprint.total.bytes / 1e6).toFixed(1)} MB in node_modules`)
  })

  it('a plain .mjs script run with node (no loader) renders RSS, Atom, JSON Feed and iCalendar that independent parsers read', async () => {
    const { stdout } = await times.time('node render.mjs', () => run(process.execPath, ['render.mjs'], { cwd: dir, env: childEnv() }))
    await expectSampleRead(JSON.parse(stdout) as Documents)
  })

  it("the README's examples run verbatim and print what they promise", async () => {
    const blocks = codeBlocks(readme, 'js')
    expect(blocks.length).toBeGreaterThanOrEqual(2)
    for (const [i, code] of blocks.entries()) {
      const work = fs.mkdtempSync(path.join(dir, `readme-${i}-`))
      fs.writeFileSync(path.join(work, 'example.mjs'), code)
      const { stdout } = await times.time(`README example ${i + 1}`, () => run(process.execPath, ['example.mjs'], { cwd: work, env: childEnv() }))
      expect(stdout.trimEnd().split('\n')).toEqual(promisedOutput(code))
    }
    // The first example writes the four documents; they must read back as the README's items say.
    const first = fs.readdirSync(dir).find((name) => name.startsWith('readme-0-'))!
    const read = (name: string) => fs.readFileSync(path.join(dir, first, name), 'utf8')
    const rss = await parsedRss(read('feed.xml'))
    expect(rss.items.map((i) => i.title)).toEqual(['Ny skola på Ängö', 'Badplatserna öppnar'])
    expect(rss.items[0]!.categories).toEqual(['Skola & utbildning'])
    expect((await parsedAtom(read('feed.atom'))).entries[0]!.categories).toEqual(['skola'])
    expect(parsedJsonFeed(read('feed.json')).items.map((i) => i.title)).toEqual(['Ny skola på Ängö', 'Badplatserna öppnar'])
    expect(parsedCalendar(read('calendar.ics')).map((e) => [e.summary, e.status])).toEqual([
      ['Öppet hus i nya skolan', 'CONFIRMED'],
      ['Valborgsfirande', 'CONFIRMED'],
      ['Konsert i parken', 'CANCELLED'],
    ])
  })

  const strict = { strict: true, noPropertyAccessFromIndexSignature: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, skipLibCheck: false, noEmit: true }
  const typeCheck = async (name: string, compilerOptions: Record<string, unknown>) => {
    const files = ['program.ts', ...codeBlocks(readme, 'ts').map((code, i) => {
      fs.writeFileSync(path.join(dir, `readme-${i}.ts`), code)
      return `readme-${i}.ts`
    })]
    fs.writeFileSync(path.join(dir, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions: { target: 'ES2022', ...strict, ...compilerOptions }, files }, null, 2))
    // The repository's TypeScript, so the consumer's own install stays the library alone.
    await times.time(`tsc (${name})`, () => run(process.execPath, [tsc, '-p', `tsconfig.${name}.json`], { cwd: dir }))
  }

  it('type-checks against the shipped .d.ts with module/moduleResolution nodenext, strict (program and README ts blocks)', async () => {
    // A Node project: Node's types (from this repository's @types) give zod's declarations their URL.
    await typeCheck('nodenext', { module: 'nodenext', moduleResolution: 'nodenext', lib: ['ES2022'], types: ['node'], typeRoots: [path.join(repo, 'node_modules', '@types')] })
  })

  it('type-checks against the shipped .d.ts with module esnext and moduleResolution bundler, strict', async () => {
    await typeCheck('bundler', { module: 'esnext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], types: [] })
  })

  describe.skipIf(missingBrowser)('in a browser', () => {
    let browser: Browser
    let server: http.Server
    afterAll(async () => {
      await browser?.close()
      server?.close()
    })

    it('an esbuild browser bundle renders the same bytes in headless Chromium as Node does', async () => {
      const result = await times.time('esbuild browser bundle', () =>
        build({ entryPoints: [path.join(dir, 'browser.mjs')], bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent', absWorkingDir: dir }),
      )
      // Only the library, zod and the sample went in: nothing from Node.
      const inputs = Object.keys(result.metafile.inputs)
      expect(inputs.filter((file) => !/^(node_modules\/(newsroom-feeds|zod)\/|browser\.mjs$|sample\.mjs$)/.test(file))).toEqual([])
      const bundle = result.outputFiles[0]!.text
      const minified = await build({ entryPoints: [path.join(dir, 'browser.mjs')], bundle: true, platform: 'browser', format: 'esm', write: false, minify: true, logLevel: 'silent', absWorkingDir: dir })
      const min = minified.outputFiles[0]!.contents
      times.note('browser bundle size', `${bundle.length} B; minified ${min.length} B, gzip ${zlib.gzipSync(min).length} B`)

      server = http.createServer((req, res) => {
        if (req.url === '/bundle.js') res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle)
        else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><meta charset="utf-8"><script type="module" src="/bundle.js"></script>')
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const { port } = server.address() as { port: number }

      browser = await launchChromium()
      const page = await browser.newPage()
      const errors: string[] = []
      page.on('pageerror', (err) => errors.push(String(err)))
      await page.goto(`http://127.0.0.1:${port}/`)
      await page.waitForFunction(() => 'rendered' in globalThis || document.readyState === 'complete')
      await expect.poll(() => page.evaluate(() => 'rendered' in globalThis)).toBe(true)
      const inBrowser = (await page.evaluate(() => (globalThis as unknown as { rendered: unknown }).rendered)) as Documents
      expect(errors).toEqual([])

      await expectSampleRead(inBrowser)
      const { stdout } = await run(process.execPath, ['render.mjs'], { cwd: dir, env: childEnv() })
      expect(inBrowser).toEqual(JSON.parse(stdout))
    })
  })
})
