import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

type Audit = { action: string; document: string; collection: string }
type Hook = (...args: any[]) => unknown

const AUDIT = 'newsroom-audit-log'
const RETAINED = 'newsroom-retained-versions'

/**
 * The audit row and the change it records commit together or not at all, on SQLite as on
 * PostgreSQL; and with transactions on, overlapping logins and publishes all succeed (on SQLite
 * they used to meet SQLITE_BUSY: see src/db/sqliteWriteLock.ts, exported as payload-plugin-newsroom/sqlite).
 */
describe.skipIf(databaseUnavailable())('records: the audit row is atomic with its change', () => {
  let n: TestNewsroom
  let editor: string
  let admin: string

  const api = (path: string, auth: string | null, init: RequestInit = {}) =>
    fetch(`${n.baseUrl}/api${path}`, { ...init, headers: { ...(auth ? { authorization: auth } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers } })
  const send = (method: string, path: string, auth: string, body: unknown) => api(path, auth, { method, body: JSON.stringify(body) })
  /** The news item's audit rows, oldest first; `since` leaves out those of an earlier item that had its id (SQLite reuses a deleted row's id). */
  const audit = async (document: string | number, since = ''): Promise<Audit[]> => {
    const where = { and: [{ collection: { equals: 'news' } }, { document: { equals: String(document) } }, ...(since ? [{ at: { greater_than_equal: since } }] : [])] }
    const { docs } = await n.payload.find({ collection: AUDIT as 'news', where: where as never, sort: 'at', limit: 0, pagination: false, depth: 0 })
    return docs as unknown as Audit[]
  }
  /** The document's row as stored, its versions and its retained copies, read past access control and drafts. */
  const stored = async (id: string | number) => {
    const main = (await n.payload.db.findOne({ collection: 'news', where: { id: { equals: id } } })) as { title?: string; _status?: string } | null
    const versions = await n.payload.db.findVersions({ collection: 'news', where: { parent: { equals: id } }, limit: 0, pagination: false })
    const retained = await n.payload.find({ collection: RETAINED as 'news', where: { document: { equals: String(id) } }, limit: 0, pagination: false, depth: 0 })
    return { main: main && { title: main.title, status: main._status }, versions: versions.totalDocs, published: versions.docs.filter((v) => (v.version as { _status?: string })._status === 'published').length, retained: retained.totalDocs }
  }
  const createNews = async (title: string, status: 'draft' | 'published') => {
    const res = await send('POST', '/news', editor, { title, _status: status })
    expect(res.status, await res.clone().text()).toBe(201)
    return ((await res.json()) as { doc: { id: string | number } }).doc.id
  }
  /** Runs `fn` with `hook` appended to a collection's hooks of that kind, then takes it out again. */
  const withHook = async <T>(slug: string, kind: 'beforeChange' | 'afterChange', hook: Hook, fn: () => Promise<T>): Promise<T> => {
    const hooks = (n.payload.collections[slug as 'news'].config.hooks as Record<string, Hook[]>)[kind]!
    hooks.push(hook)
    try {
      return await fn()
    } finally {
      hooks.splice(hooks.indexOf(hook), 1)
    }
  }
  const auditFails = () => {
    throw new Error('simulated: the audit row cannot be written')
  }

  beforeAll(async () => {
    n = await startNewsroom()
    admin = await n.editor('admin')
    editor = await n.editor('editor')
  })
  afterAll(() => n?.close())

  it('the adapter runs transactions (a begun transaction has an id)', async () => {
    const id = await n.payload.db.beginTransaction()
    expect(id).toBeTruthy()
    await n.payload.db.rollbackTransaction(id!)
  })

  it('a publish whose audit row cannot be written is not stored: no published version, the document as before', async () => {
    const id = await createNews('Före', 'draft')
    const before = await stored(id)
    const res = await withHook(AUDIT, 'beforeChange', auditFails, () => send('PATCH', `/news/${id}`, editor, { title: 'Efter', _status: 'published' }))
    expect(res.status).toBe(500)
    expect(await stored(id)).toEqual(before)
    expect(before).toMatchObject({ main: { title: { sv: 'Före' }, status: 'draft' }, published: 0 })
    expect((await api(`/news/${id}`, null)).status).toBe(404)
    expect(await audit(id)).toEqual([])
  })

  it('a publish that fails after its audit row was written leaves neither the row nor the change', async () => {
    const id = await createNews('Före', 'draft')
    const before = await stored(id)
    let rowsSeenInside = 0
    const failAfterAudit = async ({ req, doc }: { req: unknown; doc: { id: string | number } }) => {
      // The audit row exists inside the transaction (recordsAfterChange ran before this hook)…
      const { totalDocs } = await n.payload.count({ collection: AUDIT as 'news', where: { document: { equals: String(doc.id) } }, req: req as never })
      rowsSeenInside = totalDocs
      throw new Error('simulated failure after the audit row')
    }
    const res = await withHook('news', 'afterChange', failAfterAudit, () => send('PATCH', `/news/${id}`, editor, { title: 'Efter', _status: 'published' }))
    expect(res.status).toBe(500)
    expect(rowsSeenInside).toBe(1)
    // …and is gone with the change.
    expect(await audit(id)).toEqual([])
    expect(await stored(id)).toEqual(before)
    expect((await api(`/news/${id}`, null)).status).toBe(404)
  })

  it('an unpublish whose audit row cannot be written leaves the item published', async () => {
    const id = await createNews('Publicerad', 'published')
    const before = await stored(id)
    const res = await withHook(AUDIT, 'beforeChange', auditFails, () => send('PATCH', `/news/${id}`, editor, { _status: 'draft' }))
    expect(res.status).toBe(500)
    expect(await stored(id)).toEqual(before)
    expect((await api(`/news/${id}`, null)).status).toBe(200)
    expect((await audit(id)).map((r) => r.action)).toEqual(['publish'])
  })

  it("an admin's recorded delete whose audit row cannot be written deletes nothing and retains nothing", async () => {
    const id = await createNews('Ska finnas kvar', 'published')
    const before = await stored(id)
    const res = await withHook(AUDIT, 'beforeChange', auditFails, () => send('POST', `/newsroom/records/news/${id}/delete`, admin, { reason: 'Prov av atomär radering' }))
    expect(res.status).toBe(500)
    expect(await stored(id)).toEqual(before)
    expect(before).toMatchObject({ main: { status: 'published' }, retained: 0 })
    expect((await audit(id)).map((r) => r.action)).toEqual(['publish'])

    const ok = await send('POST', `/newsroom/records/news/${id}/delete`, admin, { reason: 'Prov av atomär radering' })
    expect(ok.status, await ok.clone().text()).toBe(200)
    expect(await stored(id)).toMatchObject({ main: null, retained: 1 })
    expect((await audit(id)).map((r) => r.action)).toEqual(['publish', 'delete'])
  })

  it('parallel logins, publishes and creates all succeed (no SQLITE_BUSY, no 500), each publish with its audit row', async () => {
    const people = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const email = `samtidig${i}@example.se`
        await n.payload.create({ collection: 'users', data: { email, password: 'hemligt-lösenord', roles: ['editor'] } as never })
        return email
      }),
    )
    const items = await Promise.all(Array.from({ length: 8 }, (_, i) => createNews(`Samtidig ${i}`, 'draft')))
    const started = new Date().toISOString()
    const rounds = 3
    const answers: { what: string; status: number; body: string }[] = []
    const record = (what: string) => async (res: Response) => answers.push({ what, status: res.status, body: await res.text() })
    for (let round = 0; round < rounds; round++) {
      await Promise.all([
        ...people.map((email, i) =>
          fetch(`${n.baseUrl}/api/users/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${round * 10 + i + 1}` },
            body: JSON.stringify({ email, password: 'hemligt-lösenord' }),
          }).then(record('login')),
        ),
        ...items.map((id) => send('PATCH', `/news/${id}`, editor, { summary: `Omgång ${round}`, _status: 'published' }).then(record('publish'))),
        ...[0, 1, 2].map((i) => send('POST', '/news', editor, { title: `Ny ${round}.${i}`, _status: 'published' }).then(record('create'))),
      ])
    }
    const failed = answers.filter((a) => a.status >= 300)
    expect(failed).toEqual([])
    expect(answers).toHaveLength(rounds * (people.length + items.length + 3))
    for (const id of items) expect((await audit(id, started)).filter((r) => r.action === 'publish')).toHaveLength(rounds)
    for (const id of items) expect(await stored(id)).toMatchObject({ main: { status: 'published' }, published: rounds })
  })
})
