import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportRecordsToDir } from '../../src/records/publicApi'
import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

type Manifest = { format: string; formatVersion: number; range: { from: string | null; to: string | null }; files: { path: string; sha256: string; bytes: number }[] }

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')
const walk = (dir: string, base = dir): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))]))
const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `newsroom-${name}-`))

const lexical = (text: string) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }] }] },
})

describe.skipIf(databaseUnavailable())('records: the e-archive export', () => {
  let n: TestNewsroom
  let admin: string
  let editor: string
  let png: Buffer
  /** Every published version the database holds, as `collection/document/summary.sv`. */
  const published: string[] = []

  const readBack = (dir: string) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest
    expect(manifest.format).toBe('newsroom-records-export')
    // Every file is in the manifest with its SHA-256 and size, and nothing else is on disk.
    expect(walk(dir).filter((f) => f !== 'manifest.json').sort()).toEqual(manifest.files.map((f) => f.path).sort())
    for (const f of manifest.files) {
      expect(sha256(path.join(dir, f.path)), f.path).toBe(f.sha256)
      expect(fs.statSync(path.join(dir, f.path)).size).toBe(f.bytes)
    }
    const versions = manifest.files
      .filter((f) => /^items\/.+\.json$/.test(f.path))
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f.path), 'utf8')) as { collection: string; document: string; sequence: number; publishedBy: string; data: Record<string, any> })
    return { manifest, versions }
  }

  beforeAll(async () => {
    n = await startNewsroom()
    admin = await n.editor('admin')
    editor = await n.editor('editor')
    png = await sharp({ create: { width: 6, height: 6, channels: 3, background: '#335577' } }).png().toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'arkivbild.png')
    form.append('_payload', JSON.stringify({ alt: 'Arkivbild' }))
    const media = ((await (await fetch(`${n.baseUrl}/api/media`, { method: 'POST', headers: { authorization: editor }, body: form })).json()) as { doc: { id: number } }).doc
    await n.payload.update({ collection: 'media', id: media.id, locale: 'en', data: { alt: 'Archive picture' } })

    const user = (await n.payload.find({ collection: 'users', where: { email: { contains: 'editor' } } })).docs[0]!
    const as = { user, overrideAccess: false }
    const news = await n.payload.create({ collection: 'news', ...as, data: { title: 'Exportnyhet', summary: 'v1', body: lexical('Brödtext ett'), heroImage: media.id, _status: 'published' } as never })
    await n.payload.update({ collection: 'news', ...as, id: news.id, locale: 'en', data: { title: 'Export news', summary: 'v1 en', _status: 'published' } as never })
    await n.payload.update({ collection: 'news', ...as, id: news.id, data: { summary: 'v2', body: lexical('Brödtext två'), _status: 'published' } as never })
    await n.payload.update({ collection: 'news', ...as, id: news.id, draft: true, data: { summary: 'HEMLIGT UTKAST' } as never })
    const ev = await n.payload.create({ collection: 'events', ...as, data: { title: 'Exporthändelse', summary: 'e1', start: '2027-01-10T09:00:00.000Z', _status: 'published' } as never })
    await n.payload.create({ collection: 'press', ...as, data: { title: 'Aldrig publicerat', summary: 'HEMLIGT UTKAST', _status: 'draft' } as never })
    const gone = await n.payload.create({ collection: 'press', ...as, data: { title: 'Raderat press', summary: 'p1', _status: 'published' } as never })
    const del = await fetch(`${n.baseUrl}/api/newsroom/records/press/${gone.id}/delete`, {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Raderas i testet' }),
    })
    expect(del.status).toBe(200)
    for (const collection of ['news', 'events', 'press'] as const) {
      const { docs } = await n.payload.findVersions({ collection, where: { 'version._status': { equals: 'published' } }, locale: 'all', limit: 0, pagination: false, sort: 'createdAt' })
      for (const v of docs) published.push(`${collection}/${v.parent}/${(v.version as unknown as { summary: Record<string, string> }).summary.sv}`)
    }
    expect(published).toHaveLength(4) // news ×3, event ×1 (the deleted press item's versions are retained, not here)
  })
  afterAll(() => n?.close())

  it('npm run export -- --out DIR writes every published version (JSON with both locales, HTML), the media, the audit log and a manifest', async () => {
    const out = path.join(tmp('export'), 'arkiv')
    const staticDir = (n.payload.collections.media.config.upload as { staticDir: string }).staticDir
    const child = spawn('npm', ['run', 'export', '--', '--out', out], {
      env: { ...process.env, DATABASE_URL: n.databaseUrl, PAYLOAD_SECRET: 'test-secret-0123456789abcdef', MEDIA_DIR: staticDir },
    })
    let output = ''
    child.stdout.on('data', (c) => (output += c))
    child.stderr.on('data', (c) => (output += c))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(code, output.slice(-3000)).toBe(0)
    expect(output).toMatch(/Exported \d+ files/)

    const { manifest, versions } = readBack(out)
    expect(versions.map((v) => `${v.collection}/${v.document}/${v.data.summary.sv}`).sort()).toEqual([...published].sort())
    const newsV2 = versions.find((v) => v.data.summary?.sv === 'v2')!
    expect(newsV2.data.title).toEqual({ sv: 'Exportnyhet', en: 'Export news' })
    expect(newsV2.sequence).toBe(3)
    expect(newsV2.publishedBy).toMatch(/^editor\d+@example\.se$/)
    // Each JSON has its HTML snapshot: self-contained (image inline, nothing fetched from elsewhere), both locales.
    const html = fs.readFileSync(path.join(out, manifest.files.find((f) => f.path.endsWith('.html') && f.path.includes(`/${newsV2.document}/v0003-`))!.path), 'utf8')
    expect(html).toContain('Brödtext två')
    expect(html).toContain('<article lang="en">')
    expect(html).toContain('src="data:image/png;base64,')
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
    // The media file byte for byte, its record with both alt texts.
    const mediaFile = manifest.files.find((f) => f.path.startsWith('media/') && f.path.endsWith('.png'))!
    expect(fs.readFileSync(path.join(out, mediaFile.path)).equals(png)).toBe(true)
    expect(JSON.parse(fs.readFileSync(path.join(out, `${mediaFile.path}.json`), 'utf8')).alt).toEqual({ sv: 'Arkivbild', en: 'Archive picture' })
    // The deleted item's published version is there as retained; the audit log has the delete with its reason.
    expect(manifest.files.some((f) => f.path.startsWith('retained/press/'))).toBe(true)
    const audit = JSON.parse(fs.readFileSync(path.join(out, 'audit-log.json'), 'utf8')) as { action: string; reason: string | null }[]
    expect(audit.filter((r) => r.action === 'publish')).toHaveLength(5)
    expect(audit.find((r) => r.action === 'delete')?.reason).toBe('Raderas i testet')
    // Drafts never leave.
    for (const f of manifest.files) expect(fs.readFileSync(path.join(out, f.path)).includes('HEMLIGT UTKAST'), f.path).toBe(false)
  })

  it('--from/--to keep the versions published in the range', async () => {
    const out = tmp('range')
    const future = new Date(Date.now() + 86_400_000)
    await exportRecordsToDir(n.payload, out, { from: future })
    const { manifest, versions } = readBack(out)
    expect(versions).toEqual([])
    expect(manifest.range.from).toBe(future.toISOString())
  })

  it('the admin endpoint streams the same as a ZIP that unzip reads and tests; editors get 403, a bad date 400', async () => {
    expect((await fetch(`${n.baseUrl}/api/newsroom/records/export`, { headers: { authorization: editor } })).status).toBe(403)
    const bad = await fetch(`${n.baseUrl}/api/newsroom/records/export?from=igår`, { headers: { authorization: admin } })
    expect(bad.status).toBe(400)
    expect((await bad.json()).parameter).toBe('from')

    const res = await fetch(`${n.baseUrl}/api/newsroom/records/export`, { headers: { authorization: admin } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/zip')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="newsroom-records-.+\.zip"$/)
    const dir = tmp('zip')
    const zip = path.join(dir, 'export.zip')
    fs.writeFileSync(zip, Buffer.from(await res.arrayBuffer()))
    const test = spawnSync('unzip', ['-t', zip], { encoding: 'utf8' })
    expect(test.status, test.stdout + test.stderr).toBe(0)
    expect(test.stdout).toMatch(/No errors detected/)
    const unpacked = path.join(dir, 'out')
    expect(spawnSync('unzip', ['-q', zip, '-d', unpacked]).status).toBe(0)
    const { versions } = readBack(unpacked)
    expect(versions.map((v) => `${v.collection}/${v.document}/${v.data.summary.sv}`).sort()).toEqual([...published].sort())
  })
})
