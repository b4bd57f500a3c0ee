import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql'
import sharp from 'sharp'

import { startNewsroom } from '../support/newsroom'
import { type ErrorLine, type FuzzTarget, worldOf } from './fuzzTarget'

/** This checkout's config and GraphQL schema, from a throwaway in-process instance (production servers answer no introspection). */
async function localShape() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-fuzz-shape-'))
  const n = await startNewsroom({ DATABASE_URL: `file:${path.join(dir, 'shape.db')}` })
  try {
    const admin = await n.editor('admin')
    const res = await fetch(`${n.baseUrl}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: admin }, body: JSON.stringify({ query: getIntrospectionQuery() }) })
    return { config: n.payload.config, schema: buildClientSchema(((await res.json()) as { data: IntrospectionQuery }).data) }
  } finally {
    await n.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * A running server, e.g. `npm start` (FUZZ_BASE_URL), reached only over HTTP: the documents
 * are made through REST as the admin (FUZZ_ADMIN_EMAIL / FUZZ_ADMIN_PASSWORD), the routes and
 * the GraphQL schema come from this checkout (see localShape), and ERROR lines are read from the
 * server's log file (FUZZ_SERVER_LOG), attributed to the request during which they appeared.
 */
export async function remoteTarget(baseUrl: string): Promise<FuzzTarget> {
  const { config, schema } = await localShape()
  const api = async (path: string, init: RequestInit & { token?: string } = {}) => {
    const res = await fetch(`${baseUrl}${path}`, { ...init, headers: { ...(init.body && typeof init.body === 'string' ? { 'content-type': 'application/json' } : {}), ...(init.token ? { authorization: init.token } : {}), ...(init.headers as object) } })
    const body = (await res.json()) as { token?: string; doc?: { id: number; slug?: string }; user?: { id: number } }
    if (!res.ok) throw new Error(`fuzz setup: ${init.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(body)}`)
    return body
  }
  const login = async (email: string, password: string) => `JWT ${(await api('/api/users/login', { method: 'POST', body: JSON.stringify({ email, password }) })).token}`
  const admin = await login(process.env.FUZZ_ADMIN_EMAIL!, process.env.FUZZ_ADMIN_PASSWORD!)
  const run = Date.now().toString(36)
  const user = async (name: string) => {
    const email = `${name}-${run}@example.se`
    await api('/api/users', { method: 'POST', token: admin, body: JSON.stringify({ email, password: 'hemligt-lösenord', roles: ['editor'] }) })
    return { email, token: await login(email, 'hemligt-lösenord') }
  }
  const editor = await user('fuzz-editor')
  const spare = await user('fuzz-spare')
  const sessions: string[] = []
  for (let i = 0; i < 10; i++) sessions.push(await login(spare.email, 'hemligt-lösenord'))
  const meId = async (token: string) => (await api('/api/users/me', { token })).user!.id
  const protectedUserIds = [await meId(admin), await meId(editor.token), await meId(spare.token)]

  const create = async (collection: string, data: object) => (await api(`/api/${collection}`, { method: 'POST', token: admin, body: JSON.stringify(data) })).doc!
  const parent = await create('topics', { title: `Fuzz ${run}` })
  const child = await create('topics', { title: `Fuzz barn ${run}`, parent: parent.id })
  const png = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#c33' } }).png().toBuffer()
  const form = new FormData()
  form.set('_payload', JSON.stringify({ alt: 'Bild' }))
  form.set('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `fuzz-${run}.png`)
  const image = (await api('/api/media', { method: 'POST', token: admin, body: form })).doc!
  const ids: (string | number)[] = [parent.id, child.id, image.id, ...protectedUserIds]
  for (let i = 0; i < 3; i++) ids.push((await create('news', { title: `Fuzz ${run} ${i}`, _status: 'published', topics: [parent.id] })).id)
  ids.push((await create('news', { title: `Fuzz utkast ${run}`, _status: 'draft' })).id)
  ids.push((await create('events', { title: `Fuzz möte ${run}`, _status: 'published', start: '2027-05-10T10:00:00.000Z', end: '2027-05-10T12:00:00.000Z' })).id)
  ids.push((await create('press', { title: `Fuzz press ${run}`, _status: 'published' })).id)
  ids.push((await create('subscribers', { email: `fuzz-${run}@example.se`, status: 'active', frequency: 'daily', locale: 'sv', topics: [parent.id] })).id)

  const logFile = process.env.FUZZ_SERVER_LOG
  const size = () => (logFile ? fs.statSync(logFile).size : 0)
  return {
    label: `${baseUrl}`,
    baseUrl,
    tokens: { admin, editor: editor.token },
    sessions,
    world: worldOf(config, ids, protectedUserIds, [parent.slug!, child.slug!, 'psykisk-halsa']),
    schema,
    log: {
      mark: size,
      errorsSince: async (mark) => {
        if (!logFile) return []
        // pino-pretty writes after the answer has gone: give it a moment.
        await new Promise((r) => setTimeout(r, 5))
        const fd = fs.openSync(logFile, 'r')
        const buf = Buffer.alloc(Math.max(0, size() - mark))
        fs.readSync(fd, buf, 0, buf.length, mark)
        fs.closeSync(fd)
        const text = buf.toString('utf8').replace(/\u001b\[[0-9;]*m/g, '')
        return text
          .split('\n')
          // pino's ERROR lines, and what Next.js itself reports (⨯ unhandledRejection, ⨯ Error …).
          .filter((l) => /^\[[\d:]+\] (ERROR|FATAL):/.test(l) || l.startsWith('⨯ '))
          .map((l): ErrorLine => ({ message: l.replace(/^\[[\d:]+\] \w+: /, '').slice(0, 200), raw: l.slice(0, 300) }))
      },
    },
    close: async () => {},
  }
}
