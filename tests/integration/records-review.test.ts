import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { dueForReview } from '../../src/records/publicApi'
import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'
import { startSmtp, type TestSmtp } from '../support/smtp'

const day = 86_400_000
const when = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString()

describe.skipIf(databaseUnavailable())('records: review dates (Granska senast) and reminder mails', () => {
  let n: TestNewsroom
  let smtp: TestSmtp
  let admin: string
  let editor: string
  const ids: Record<string, string | number> = {}
  const userId = async (email: string) => (await n.payload.find({ collection: 'users', where: { email: { equals: email } } })).docs[0]!.id
  const emailOf = (auth: string) => JSON.parse(Buffer.from(auth.split('.')[1]!, 'base64url').toString()).email as string
  const runReminders = async () => {
    await n.payload.jobs.queue({ task: 'newsroom-review-reminders' as never, queue: 'newsroom-records', input: {} as never })
    await n.payload.jobs.run({ queue: 'newsroom-records' })
  }

  beforeAll(async () => {
    smtp = await startSmtp()
    n = await startNewsroom({ SMTP_URL: smtp.url, MAIL_FROM: 'nyhetsrum@kommun.example' })
    admin = await n.editor('admin')
    editor = await n.editor('editor')
    const anna = await userId(emailOf(editor))
    const bo = await userId(emailOf(admin))
    // An editor sets the date and the responsible editor over REST, as in the admin form.
    const res = await fetch(`${n.baseUrl}/api/news`, {
      method: 'POST',
      headers: { authorization: editor, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Taxor 2026', _status: 'published', reviewBy: when(-1), reviewEditor: anna }),
    })
    expect(res.status, await res.clone().text()).toBe(201)
    ids.news = ((await res.json()) as { doc: { id: string } }).doc.id
    ids.event = (await n.payload.create({ collection: 'events', data: { title: 'Öppet hus', start: when(30), reviewBy: when(-7), reviewEditor: bo, _status: 'published' } as never })).id
    ids.later = (await n.payload.create({ collection: 'press', data: { title: 'Inte än', reviewBy: when(30), reviewEditor: anna, _status: 'published' } as never })).id
    ids.orphan = (await n.payload.create({ collection: 'news', data: { title: 'Utan ansvarig', reviewBy: when(-2), _status: 'draft' } as never })).id
    await n.payload.create({ collection: 'news', data: { title: 'Utan datum', _status: 'published' } as never })
  })
  afterAll(async () => {
    await n?.close()
    await smtp?.close()
  })

  it('dueForReview lists the items whose review date has passed, oldest first, with the responsible editor', async () => {
    const due = await dueForReview(n.payload)
    expect(due.map((d) => d.title)).toEqual(['Öppet hus', 'Utan ansvarig', 'Taxor 2026'])
    expect(due[0]).toMatchObject({ type: 'events', status: 'published', editor: { email: emailOf(admin) } })
    expect(due[1]).toMatchObject({ status: 'draft', editor: null })
    expect(due[2]).toMatchObject({ type: 'news', id: String(ids.news), editor: { email: emailOf(editor) } })
  })

  it('the admin endpoint answers the same list to admins only', async () => {
    expect((await fetch(`${n.baseUrl}/api/newsroom/records/review-due`, { headers: { authorization: editor } })).status).toBe(403)
    expect((await fetch(`${n.baseUrl}/api/newsroom/records/review-due`)).status).toBe(403)
    const res = await fetch(`${n.baseUrl}/api/newsroom/records/review-due`, { headers: { authorization: admin } })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { items: { title: string }[] }).items.map((i) => i.title)).toEqual(['Öppet hus', 'Utan ansvarig', 'Taxor 2026'])
  })

  it('the reminder job mails each responsible editor once per review date, with a link to the item in the admin', async () => {
    await runReminders()
    const toAnna = smtp.to(emailOf(editor))
    expect(toAnna).toHaveLength(1)
    expect(toAnna[0]!.subject).toBe('Dags att granska: Taxor 2026')
    expect(toAnna[0]!.text).toContain(`http://newsroom.test/admin/collections/news/${ids.news}`)
    expect(toAnna[0]!.text).not.toContain('Inte än')
    expect(smtp.to(emailOf(admin))).toHaveLength(1)
    expect(smtp.to(emailOf(admin))[0]!.text).toContain('Öppet hus')

    await runReminders()
    expect(smtp.mails).toHaveLength(2)

    // A new date that has also passed is a new reminder.
    await n.payload.update({ collection: 'news', id: ids.news, data: { reviewBy: when(-0.5), _status: 'published' } as never })
    await runReminders()
    expect(smtp.to(emailOf(editor))).toHaveLength(2)
    expect(smtp.mails).toHaveLength(3)
  })
})
