import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql'
import sharp from 'sharp'

import { testDatabase } from '../support/database'
import { captureLogLines } from '../support/logLines'
import { createActiveSubscriber, createNewsletterTopics, publishNews } from '../support/newsletter'
import { startNewsroom } from '../support/newsroom'
import { type FuzzTarget, worldOf } from './fuzzTarget'

/** The newsroom in this process (tests/support/newsroom.ts) on this project's database, with a few documents of each kind. */
export async function localTarget(): Promise<FuzzTarget> {
  const n = await startNewsroom()
  const { payload } = n
  // The first user becomes an admin whatever it asks for (collections/users.ts): the admin first.
  const admin = await n.editor('admin')
  const editor = await n.editor('editor')
  const spare = await n.editor('editor')
  const me = async (token: string) => ((await (await fetch(`${n.baseUrl}/api/users/me`, { headers: { authorization: token } })).json()) as { user: { id: number; email: string } }).user
  const protectedUserIds = [(await me(admin)).id, (await me(editor)).id, (await me(spare)).id]
  const sessions: string[] = []
  for (let i = 0; i < 10; i++) sessions.push(await n.login((await me(spare)).email, 'hemligt-lösenord'))

  const topics = await createNewsletterTopics(payload)
  const png = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#c33' } }).png().toBuffer()
  const image = await payload.create({ collection: 'media', data: { alt: 'Bild' } as never, file: { data: png, mimetype: 'image/png', name: 'bild.png', size: png.length } })
  const ids: (string | number)[] = [...Object.values(topics), image.id, ...protectedUserIds]
  for (let i = 0; i < 3; i++) ids.push((await publishNews(payload, `Nyhet ${i}`, [topics.halsa])).id)
  ids.push((await payload.create({ collection: 'news', data: { title: 'Utkast', _status: 'draft' } as never })).id)
  ids.push((await payload.create({ collection: 'events', data: { title: 'Möte', _status: 'published', start: '2027-05-10T10:00:00.000Z', end: '2027-05-10T12:00:00.000Z' } as never })).id)
  ids.push((await payload.create({ collection: 'press', data: { title: 'Pressmeddelande', _status: 'published' } as never })).id)
  ids.push((await createActiveSubscriber<{ id: number }>(payload, 'prenumerant@example.se', { topics: [topics.halsa] })).id)

  const introspection = await fetch(`${n.baseUrl}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: admin },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  })
  const schema = buildClientSchema(((await introspection.json()) as { data: IntrospectionQuery }).data)
  const lines = captureLogLines(payload)
  return {
    label: `in-process server, ${testDatabase}`,
    baseUrl: n.baseUrl,
    tokens: { admin, editor },
    sessions,
    world: worldOf(payload.config, ids, protectedUserIds, ['psykisk-halsa', 'barn-och-unga', 'miljo']),
    schema,
    log: {
      mark: lines.mark,
      errorsSince: async (mark) =>
        lines.errorsSince(mark).map((l) => {
          const err = l.err as { type?: string; message?: string; stack?: string; cause?: { message?: string } } | undefined
          // pino keeps a cause only inside the stack text ("caused by: …").
          const cause = err?.cause?.message ?? err?.stack?.split('\n').find((line) => line.includes('caused by:'))?.trim()
          return { type: err?.type, message: err?.message ?? l.msg, cause, raw: JSON.stringify(l).slice(0, 300) }
        }),
    },
    close: () => n.close(),
  }
}
