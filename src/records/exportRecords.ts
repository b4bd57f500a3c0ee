import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { publishedVersions } from './publishedVersions.js'
import { snapshotHtml } from './snapshotHtml.js'
import { ZipWriter } from './zipWriter.js'

export type ExportRange = { from?: Date; to?: Date }
export type ExportFile = { path: string; data: Buffer }
export type ManifestEntry = { path: string; sha256: string; bytes: number }

export const EXPORT_FORMAT = 'newsroom-records-export'
export const EXPORT_FORMAT_VERSION = 1

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8')
const pad = (n: number) => String(n).padStart(4, '0')
const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120)

type Doc = Record<string, any>

/**
 * Every file of the e-archive export, one at a time: each published version of every item as JSON
 * and as a self-contained HTML page, retained versions of deleted items, the media they show, the
 * topics, and the audit log. The manifest (SHA-256 per file) is made by the writers from these.
 */
export async function* exportFiles(payload: Payload, o: ResolvedNewsroomOptions, range: ExportRange = {}): AsyncGenerator<ExportFile> {
  const media = new Set<string>()
  const noteMedia = (v: Doc) => {
    for (const m of [v.heroImage, ...(Array.isArray(v.attachments) ? v.attachments : [])]) if (m != null) media.add(String(typeof m === 'object' ? m.id : m))
  }
  const mediaDocs = new Map<string, Doc | null>()
  const mediaDoc = async (id: string) => {
    if (!mediaDocs.has(id)) {
      mediaDocs.set(id, (await payload.findByID({ collection: o.collections.media.slug, id, locale: 'all', depth: 0, overrideAccess: true, disableErrors: true })) as Doc | null)
    }
    return mediaDocs.get(id) ?? null
  }
  const staticDir = (payload.collections[o.collections.media.slug]?.config.upload as { staticDir?: string } | undefined)?.staticDir ?? o.mediaDir
  const mediaPath = (doc: Doc) => `media/${safeName(String(doc.id))}-${safeName(doc.filename ?? 'file')}`
  const heroFor = async (v: Doc) => {
    const id = v.heroImage == null ? null : String(typeof v.heroImage === 'object' ? v.heroImage.id : v.heroImage)
    const doc = id ? await mediaDoc(id) : null
    if (!doc?.filename || !String(doc.mimeType ?? '').startsWith('image/')) return null
    const file = path.join(staticDir, doc.filename)
    return fs.existsSync(file) ? { mimeType: doc.mimeType as string, bytes: fs.readFileSync(file), alt: doc.alt as Record<string, string> | string | null } : null
  }

  for (const type of ['news', 'events', 'press'] as const) {
    const collection = o.collections[type].slug
    const all = await publishedVersions(payload, collection, undefined, undefined, range)
    const seq = new Map<string, number>()
    for (const v of all) {
      const doc = String(v.parent)
      const n = (seq.get(doc) ?? 0) + 1
      seq.set(doc, n)
      noteMedia(v.version)
      const base = `items/${collection}/${safeName(doc)}/v${pad(n)}-${safeName(String(v.id))}`
      const record = { type, collection, document: doc, version: String(v.id), sequence: n, publishedAt: v.createdAt, publishedBy: v.version.publishedBy ?? null, data: v.version }
      yield { path: `${base}.json`, data: json(record) }
      yield { path: `${base}.html`, data: Buffer.from(snapshotHtml(record, o.locales, await heroFor(v.version)), 'utf8') }
    }
  }

  const retained = await payload.find({ collection: o.records.retainedVersions.slug, limit: 0, pagination: false, depth: 0, overrideAccess: true, sort: 'publishedAt' })
  for (const r of retained.docs as Doc[]) {
    if (range.from && new Date(r.publishedAt) < range.from) continue
    if (range.to && new Date(r.publishedAt) > range.to) continue
    noteMedia(r.data)
    const base = `retained/${safeName(r.collection)}/${safeName(r.document)}/${safeName(r.version)}`
    const record = { type: null, collection: r.collection, document: r.document, version: r.version, sequence: null, publishedAt: r.publishedAt, publishedBy: r.publishedBy ?? null, deleted: true, data: r.data }
    yield { path: `${base}.json`, data: json(record) }
    yield { path: `${base}.html`, data: Buffer.from(snapshotHtml(record, o.locales, await heroFor(r.data)), 'utf8') }
  }

  for (const id of [...media].sort()) {
    const doc = await mediaDoc(id)
    if (!doc) continue
    const file = doc.filename ? path.join(staticDir, doc.filename) : null
    yield { path: `${mediaPath(doc)}.json`, data: json(doc) }
    if (file && fs.existsSync(file)) yield { path: mediaPath(doc), data: fs.readFileSync(file) }
  }

  const topics = await payload.find({ collection: o.collections.topics.slug, limit: 0, pagination: false, depth: 0, locale: 'all', overrideAccess: true })
  yield { path: 'topics.json', data: json(topics.docs) }

  const where = [
    ...(range.from ? [{ at: { greater_than_equal: range.from.toISOString() } }] : []),
    ...(range.to ? [{ at: { less_than_equal: range.to.toISOString() } }] : []),
  ]
  const audit = await payload.find({ collection: o.records.auditLog.slug, where: where.length ? { and: where } : {}, sort: 'at', limit: 0, pagination: false, depth: 0, overrideAccess: true })
  yield { path: 'audit-log.json', data: json(audit.docs) }
}

const entry = (f: ExportFile): ManifestEntry => ({ path: f.path, sha256: createHash('sha256').update(f.data).digest('hex'), bytes: f.data.length })

const manifestOf = (files: ManifestEntry[], range: ExportRange) =>
  json({
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    generatedAt: new Date().toISOString(),
    range: { from: range.from?.toISOString() ?? null, to: range.to?.toISOString() ?? null },
    files,
  })

/** Writes the export into `out` (created if missing; must be empty). Returns the manifest's entries. */
export async function exportRecordsToDir(payload: Payload, options: ResolvedNewsroomOptions, out: string, range: ExportRange = {}): Promise<ManifestEntry[]> {
  fs.mkdirSync(out, { recursive: true })
  if (fs.readdirSync(out).length) throw new Error(`export: ${out} is not empty`)
  const files: ManifestEntry[] = []
  for await (const f of exportFiles(payload, options, range)) {
    const target = path.join(out, f.path)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.writeFileSync(target, f.data)
    files.push(entry(f))
  }
  fs.writeFileSync(path.join(out, 'manifest.json'), manifestOf(files, range))
  return files
}

/** The same export as a ZIP, streamed: one file in memory at a time, the manifest last. */
export function exportRecordsZip(payload: Payload, options: ResolvedNewsroomOptions, range: ExportRange = {}): ReadableStream<Uint8Array> {
  const zip = new ZipWriter()
  const files: ManifestEntry[] = []
  const source = exportFiles(payload, options, range)
  let done = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return controller.close()
      const next = await source.next()
      if (next.done) {
        for (const chunk of zip.add('manifest.json', manifestOf(files, range))) controller.enqueue(chunk)
        controller.enqueue(zip.finish())
        done = true
        return
      }
      files.push(entry(next.value))
      for (const chunk of zip.add(next.value.path, next.value.data)) controller.enqueue(chunk)
    },
    async cancel() {
      await source.return(undefined)
    },
  })
}
