import { createLocalReq } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { pruneDraftVersions, wasEverPublished } from '../../src/records/publicApi'
import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

type Audit = { action: string; title: string | null; collection: string; document: string; version: string | null; user: string | null; job: string | null; reason: string | null; rule: string | null; at: string; details: any }
type Version = { id: string | number; createdAt: string; version: { summary: string; publishedBy: string; _status: string } }

const AUDIT = 'newsroom-audit-log'

describe.skipIf(databaseUnavailable())('records: published versions, deletes and the audit log', () => {
  let n: TestNewsroom
  let editor: string
  let admin: string
  const editorEmail = () => JSON.parse(Buffer.from(editor.split('.')[1]!, 'base64url').toString()).email as string

  const api = (path: string, auth: string | null, init: RequestInit = {}) =>
    fetch(`${n.baseUrl}/api${path}`, { ...init, headers: { ...(auth ? { authorization: auth } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers } })
  const patch = (path: string, auth: string, body: unknown) => api(path, auth, { method: 'PATCH', body: JSON.stringify(body) })
  const post = (path: string, auth: string, body: unknown) => api(path, auth, { method: 'POST', body: JSON.stringify(body) })
  const audit = async (document: string | number, action?: string): Promise<Audit[]> => {
    const qs = new URLSearchParams({ 'where[document][equals]': String(document), sort: 'at', limit: '500', depth: '0' })
    if (action) qs.set('where[action][equals]', action)
    const res = await api(`/${AUDIT}?${qs}`, admin)
    expect(res.status).toBe(200)
    return ((await res.json()) as { docs: Audit[] }).docs
  }
  const createNews = async (title: string, status: 'draft' | 'published') => {
    const res = await post('/news', editor, { title, _status: status })
    expect(res.status, await res.clone().text()).toBe(201)
    return ((await res.json()) as { doc: { id: string | number } }).doc.id
  }

  beforeAll(async () => {
    n = await startNewsroom()
    admin = await n.editor('admin') // the first user is an admin anyway
    editor = await n.editor('editor')
  })
  afterAll(() => n?.close())

  it('all 60 published versions of an item are kept, in order, with who published each and when; old drafts are pruned', async () => {
    const id = await createNews('Sextio gånger', 'draft')
    for (let i = 1; i <= 60; i++) {
      const res = await patch(`/news/${id}`, editor, { summary: `Version ${i}`, _status: 'published' })
      expect(res.status).toBe(200)
      if (i % 10 === 0) for (let d = 0; d < 3; d++) expect((await patch(`/news/${id}?draft=true`, editor, { summary: `Utkast ${i}.${d}` })).status).toBe(200)
    }
    const versions = async (status: string) => {
      const qs = new URLSearchParams({ 'where[parent][equals]': String(id), 'where[version._status][equals]': status, sort: 'createdAt', limit: '200', depth: '0' })
      const res = await api(`/news/versions?${qs}`, admin)
      expect(res.status).toBe(200)
      return ((await res.json()) as { docs: Version[] }).docs
    }
    const published = await versions('published')
    expect(published.map((v) => v.version.summary)).toEqual(Array.from({ length: 60 }, (_, i) => `Version ${i + 1}`))
    expect(published.every((v) => v.version.publishedBy === editorEmail())).toBe(true)
    const times = published.map((v) => Date.parse(v.createdAt))
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true)
    // The audit log says the same: 60 publish rows naming the editor and each version.
    const rows = await audit(id, 'publish')
    expect(rows).toHaveLength(60)
    expect(rows.every((r) => r.user === editorEmail())).toBe(true)
    expect(rows.map((r) => r.version)).toEqual(published.map((v) => String(v.id)))

    expect((await versions('draft')).length).toBeGreaterThanOrEqual(18)
    const deleted = await pruneDraftVersions(n.payload, 2)
    expect(deleted).toBeGreaterThan(0)
    expect(await versions('draft')).toHaveLength(2)
    expect((await versions('published')).map((v) => v.version.summary)).toEqual(published.map((v) => v.version.summary))
  })

  it('an editor cannot delete an item that has ever been published, not even after unpublishing; a never-published draft can go', async () => {
    const id = await createNews('Publicerad en gång', 'published')
    const refused = await api(`/news/${id}`, editor, { method: 'DELETE' })
    expect(refused.status).toBe(403)
    expect(JSON.stringify(await refused.json())).toContain('/api/newsroom/records/{collection}/{id}/delete')
    expect((await patch(`/news/${id}`, editor, { _status: 'draft' })).status).toBe(200)
    expect((await api(`/news/${id}`, editor, { method: 'DELETE' })).status).toBe(403)
    expect((await api(`/news/${id}`, admin, { method: 'DELETE' })).status).toBe(403)
    expect((await api(`/news/${id}?draft=true`, editor)).status).toBe(200)
    expect(await wasEverPublished(n.payload, 'news', id)).toBe(true)

    const draft = await createNews('Aldrig publicerad', 'draft')
    expect(await wasEverPublished(n.payload, 'news', draft)).toBe(false)
    expect((await api(`/news/${draft}`, editor, { method: 'DELETE' })).status).toBe(200)
  })

  it('an admin deletes a published item with a written reason: a deletion record remains and its published versions are kept until disposed of', async () => {
    const id = await createNews('Ska raderas', 'published')
    expect((await patch(`/news/${id}`, editor, { summary: 'Andra versionen', _status: 'published' })).status).toBe(200)
    const path = `/newsroom/records/news/${id}/delete`
    expect((await post(path, editor, { reason: 'Felaktigt publicerad' })).status).toBe(403)
    const noReason = await post(path, admin, {})
    expect(noReason.status).toBe(400)
    expect((await noReason.json()).message).toMatch(/reason/)
    expect((await post(`/newsroom/records/news/999999/delete`, admin, { reason: 'Finns inte alls' })).status).toBe(404)

    const res = await post(path, admin, { reason: 'Personuppgifter publicerade av misstag' })
    expect(res.status, await res.clone().text()).toBe(200)
    expect((await res.json()).retainedVersions).toBe(2)
    expect((await api(`/news/${id}?draft=true`, admin)).status).toBe(404)
    const [row] = await audit(id, 'delete')
    expect(row).toMatchObject({ collection: 'news', reason: 'Personuppgifter publicerade av misstag' })
    expect(row!.user).toMatch(/^admin\d+@example\.se$/)
    expect(await wasEverPublished(n.payload, 'news', id)).toBe(true)

    const retained = async () => {
      const r = await api(`/newsroom-retained-versions?where[document][equals]=${id}&sort=publishedAt&depth=0`, admin)
      expect(r.status).toBe(200)
      return ((await r.json()) as { docs: { data: { summary: Record<string, string> }; publishedBy: string }[] }).docs
    }
    const kept = await retained()
    expect(kept).toHaveLength(2)
    expect(kept[1]!.data.summary.sv).toBe('Andra versionen')
    expect(kept.every((v) => v.publishedBy === editorEmail())).toBe(true)
    expect((await api(`/newsroom-retained-versions?where[document][equals]=${id}`, editor)).status).toBe(403)

    const dispose = `/newsroom/records/news/${id}/dispose`
    const noRule = await post(dispose, admin, { reason: 'Gallras enligt beslut' })
    expect(noRule.status).toBe(400)
    expect((await noRule.json()).parameter).toBe('rule')
    const disposed = await post(dispose, admin, { reason: 'Gallras enligt beslut', rule: 'Dnr 2026/123, gallring efter 2 år' })
    expect(disposed.status, await disposed.clone().text()).toBe(200)
    expect((await disposed.json()).disposedVersions).toBe(2)
    expect(await retained()).toEqual([])
    const [d] = await audit(id, 'dispose')
    expect(d).toMatchObject({ reason: 'Gallras enligt beslut', rule: 'Dnr 2026/123, gallring efter 2 år', details: { disposedVersions: 2 } })
  })

  it('server code (the Local API without a user) may delete a published item; the deletion is recorded and its versions retained', async () => {
    const id = await createNews('Städas av skript', 'published')
    await n.payload.delete({ collection: 'news', id, context: { newsroomDeleteReason: 'Dubblett, importfel' } })
    // (SQLite may hand a deleted document's id to a new one: the rows are told apart by title here.)
    expect((await audit(id, 'delete')).filter((r) => r.title === 'Städas av skript')).toMatchObject([{ reason: 'Dubblett, importfel', user: null }])
    const r = await api(`/newsroom-retained-versions?where[document][equals]=${id}&where[title][equals]=${encodeURIComponent('Städas av skript')}`, admin)
    expect(((await r.json()) as { totalDocs: number }).totalDocs).toBe(1)
  })

  it('media shown by a published version is not deleted by an editor; unused media is', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#204060' } }).png().toBuffer()
    const upload = async () => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'bild.png')
      form.append('_payload', JSON.stringify({ alt: 'Bild' }))
      const res = await fetch(`${n.baseUrl}/api/media`, { method: 'POST', headers: { authorization: editor }, body: form })
      expect(res.status).toBe(201)
      return ((await res.json()) as { doc: { id: string | number } }).doc.id
    }
    const used = await upload()
    const unused = await upload()
    const item = await post('/news', editor, { title: 'Med bild', heroImage: used, _status: 'published' })
    expect(item.status).toBe(201)
    const refused = await api(`/media/${used}`, editor, { method: 'DELETE' })
    expect(refused.status).toBe(403)
    expect(JSON.stringify(await refused.json())).toMatch(/published version/)
    expect((await api(`/media/${unused}`, editor, { method: 'DELETE' })).status).toBe(200)
    // An image embedded in the body (a Lexical upload node) of a published version counts as well.
    const embedded = await upload()
    const body = {
      root: {
        type: 'root', direction: null, format: '', indent: 0, version: 1,
        children: [{ type: 'upload', relationTo: 'media', value: embedded, fields: null, format: '', version: 3 }],
      },
    }
    const withBody = await post('/news', editor, { title: 'Med bild i texten', body, _status: 'published' })
    expect(withBody.status, await withBody.clone().text()).toBe(201)
    expect((await api(`/media/${embedded}`, editor, { method: 'DELETE' })).status).toBe(403)
    const embeddedDelete = await post(`/newsroom/records/media/${embedded}/delete`, admin, { reason: 'Bilden ska bort ur arkivet' })
    expect(embeddedDelete.status, await embeddedDelete.clone().text()).toBe(200)
    // Once the item is deleted, its retained version still names the embedded image.
    const again = await upload()
    const item2 = await post('/news', editor, { title: 'Andra bilden i texten', body: { root: { ...body.root, children: [{ ...body.root.children[0]!, value: again }] } }, _status: 'published' })
    expect(item2.status).toBe(201)
    const item2Id = ((await item2.json()) as { doc: { id: string | number } }).doc.id
    expect((await post(`/newsroom/records/news/${item2Id}/delete`, admin, { reason: 'Posten raderas, bilden finns kvar' })).status).toBe(200)
    expect((await api(`/media/${again}`, editor, { method: 'DELETE' })).status).toBe(403)

    const res = await post(`/newsroom/records/media/${used}/delete`, admin, { reason: 'Fel bild, rättighet saknas' })
    expect(res.status, await res.clone().text()).toBe(200)
    expect((await audit(used, 'delete'))[0]).toMatchObject({ collection: 'media', reason: 'Fel bild, rättighet saknas' })
  })

  it('the audit log is read-only and for admins only, and records unpublish, schedule, the scheduled run and archive', async () => {
    expect((await api(`/${AUDIT}`, editor)).status).toBe(403)
    expect((await api(`/${AUDIT}`, null)).status).toBe(403)
    expect((await post(`/${AUDIT}`, admin, { at: new Date().toISOString(), action: 'publish', collection: 'news', document: '1' })).status).toBe(403)
    const [any] = await audit((await createNews('Loggad', 'published')) as string)
    expect((await patch(`/${AUDIT}/${(any as unknown as { id: string }).id}`, admin, { reason: 'ändrat' })).status).toBe(403)
    expect((await api(`/${AUDIT}/${(any as unknown as { id: string }).id}`, admin, { method: 'DELETE' })).status).toBe(403)

    const id = await createNews('Schemaläggs', 'draft')
    const user = (await n.payload.find({ collection: 'users', where: { email: { equals: editorEmail() } } })).docs[0]!
    await n.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'news', value: String(id) }, user: { relationTo: 'users', value: user.id } },
      waitUntil: new Date(Date.now() - 1000),
    })
    await n.payload.jobs.run()
    expect((await api(`/news/${id}`, null)).status).toBe(200)
    expect((await patch(`/news/${id}`, editor, { archived: true, _status: 'published' })).status).toBe(200)
    expect((await patch(`/news/${id}`, editor, { _status: 'draft' })).status).toBe(200)
    const rows = await audit(id)
    expect(rows.map((r) => r.action)).toEqual(['schedule', 'scheduledRun', 'publish', 'publish', 'archive', 'unpublish'])
    expect(rows[0]).toMatchObject({ user: editorEmail(), details: { type: 'publish' } })
    expect(rows[1]!.job).toMatch(/^schedulePublish#/)
    expect(rows[2]).toMatchObject({ user: editorEmail() })
    expect(rows[2]!.job).toMatch(/^schedulePublish#/)
    expect(rows.slice(3).every((r) => r.user === editorEmail() && r.job === null)).toBe(true)
    // Filterable like any collection: by action, by user.
    const qs = new URLSearchParams({ 'where[action][equals]': 'unpublish', 'where[user][equals]': editorEmail() })
    const filtered = ((await (await api(`/${AUDIT}?${qs}`, admin)).json()) as { docs: Audit[] }).docs
    expect(filtered.some((r) => r.document === String(id))).toBe(true)
    expect(filtered.every((r) => r.action === 'unpublish')).toBe(true)
  })

  it('cancelling a scheduled publish (the schedule drawer deletes its job) writes a "scheduleCancel" row; a job that ran does not', async () => {
    const id = await createNews('Schemaläggning avbryts', 'draft')
    const user = (await n.payload.find({ collection: 'users', where: { email: { equals: editorEmail() } } })).docs[0]!
    const waitUntil = new Date(Date.now() + 86_400_000)
    const job = await n.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'news', value: String(id) }, user: { relationTo: 'users', value: user.id } },
      waitUntil,
    })
    // What Payload's schedulePublishHandler does for the drawer's delete: the editor's req, the Local API.
    const req = await createLocalReq({ user: { ...user, collection: 'users' } as never }, n.payload)
    await n.payload.delete({ collection: 'payload-jobs', req, where: { and: [{ id: { equals: job.id } }, { taskSlug: { equals: 'schedulePublish' } }] } })
    const rows = await audit(id)
    expect(rows.map((r) => r.action)).toEqual(['schedule', 'scheduleCancel'])
    expect(rows[1]).toMatchObject({ collection: 'news', user: editorEmail(), details: { type: 'publish', job: String(job.id), waitUntil: waitUntil.toISOString() } })

    // A scheduled run that completes deletes its job too (deleteJobOnComplete): that is no cancellation.
    await n.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'news', value: String(id) }, user: { relationTo: 'users', value: user.id } },
      waitUntil: new Date(Date.now() - 1000),
    })
    await n.payload.jobs.run()
    expect((await api(`/news/${id}`, null)).status).toBe(200)
    expect((await audit(id)).map((r) => r.action)).toEqual(['schedule', 'scheduleCancel', 'schedule', 'scheduledRun', 'publish'])
  })

  it('a change that fails leaves no audit row, and an audit row that cannot be written stops the change', async () => {
    const news = n.payload.collections.news.config
    const id = await createNews('Transaktion', 'draft')
    const failing = async () => {
      throw new Error('simulated failure after the audit row')
    }
    news.hooks.afterChange.push(failing)
    try {
      expect((await patch(`/news/${id}`, editor, { _status: 'published' })).status).toBe(500)
    } finally {
      news.hooks.afterChange.pop()
    }
    expect(await audit(id)).toEqual([])
    expect((await api(`/news/${id}`, null)).status).toBe(404)

    const log = n.payload.collections[AUDIT as 'news'].config
    log.hooks.beforeChange.push(async () => {
      throw new Error('simulated audit failure')
    })
    try {
      expect((await patch(`/news/${id}`, editor, { _status: 'published' })).status).toBe(500)
    } finally {
      log.hooks.beforeChange.pop()
    }
    expect((await api(`/news/${id}`, null)).status).toBe(404)
    expect(await wasEverPublished(n.payload, 'news', id)).toBe(false)

    expect((await patch(`/news/${id}`, editor, { _status: 'published' })).status).toBe(200)
    expect((await audit(id)).map((r) => r.action)).toEqual(['publish'])
  })
})
