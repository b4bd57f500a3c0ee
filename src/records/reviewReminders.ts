import type { Payload, TaskConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { RECORDS_QUEUE } from './pruneDrafts.js'
import { dueForReview } from './dueForReview.js'

export const TASK_REVIEW_REMINDERS = 'newsroom-review-reminders'

/** kv key remembering which review date an item's editor was reminded of (one mail per date). */
const remindedKey = (collection: string, id: string) => `newsroom-review-reminded:${collection}:${id}`

/**
 * Mails each responsible editor one list of their items that are due for review and that they
 * have not yet been reminded of for that date. Sent through the app's mail transport (the
 * newsletter's). Returns the number of mails sent.
 */
export async function sendReviewReminders(payload: Payload, o: ResolvedNewsroomOptions, now = new Date()): Promise<number> {
  const byEditor = new Map<string, { title: string; reviewBy: string; link: string; key: string }[]>()
  for (const item of await dueForReview(payload, o, now)) {
    if (!item.editor?.email) continue
    const key = remindedKey(item.collection, item.id)
    if ((await payload.kv.get<string>(key)) === item.reviewBy) continue
    const link = new URL(`/admin/collections/${item.collection}/${item.id}`, o.serverURL).toString()
    const list = byEditor.get(item.editor.email) ?? []
    list.push({ title: item.title, reviewBy: item.reviewBy.slice(0, 10), link, key: `${key}\n${item.reviewBy}` })
    byEditor.set(item.editor.email, list)
  }
  let sent = 0
  for (const [to, items] of byEditor) {
    const lines = items.map((i) => `- ${i.title} (granska senast ${i.reviewBy})\n  ${i.link}`)
    await payload.sendEmail({
      to,
      subject: items.length === 1 ? `Dags att granska: ${items[0]!.title}` : `Dags att granska ${items.length} texter`,
      text: `Hej!\n\nDe här texterna har passerat sitt granskningsdatum (Granska senast) och du är ansvarig redaktör:\n\n${lines.join('\n')}\n\nÖppna texten, granska den och sätt ett nytt datum eller ta bort det.\n`,
    })
    for (const i of items) {
      const [key, reviewBy] = i.key.split('\n') as [string, string]
      await payload.kv.set(key, reviewBy)
    }
    sent++
  }
  return sent
}

export const reviewRemindersTask = (options: ResolvedNewsroomOptions): TaskConfig => {
  const cron = options.records.reviewReminderSchedule
  return {
    slug: TASK_REVIEW_REMINDERS,
    label: 'Newsroom: review-date reminders',
    retries: 2,
    schedule: cron ? [{ cron, queue: RECORDS_QUEUE }] : undefined,
    handler: async ({ req }) => ({ output: { sent: await sendReviewReminders(req.payload, options) } }),
  }
}

