import type { Payload } from 'payload'

import { fromAddress, preferencesUrl, sleep, type Subscriber, unsubscribePageUrl, unsubscribeUrl } from '../common.js'
import { ensureUnsubscribeNonce } from '../sendMail.js'
import { claimDelivery } from './claimDelivery.js'
import type { DigestRun } from './digestRun.js'
import { handOver, OWNED_ELSEWHERE } from './handOver.js'
import { updateDelivery } from './updateDelivery.js'

export type DigestOutcome = 'sent' | 'skipped' | 'failed'

/** Through the adapter: no hooks, no lock checks, nothing read back. */
const updateSubscriber = (payload: Payload, subscribers: string, id: string | number, data: Record<string, unknown>) =>
  payload.db.updateOne({ collection: subscribers, id, data: { ...data, updatedAt: new Date().toISOString() }, returning: false })

/**
 * One subscriber's digest of the run: claims the delivery, sends (temporary SMTP errors are tried
 * again, up to `maxAttempts`), records the outcome; bounced after `bounceAfter` failures in a row.
 */
export async function deliverDigest(payload: Payload, s: Subscriber, run: DigestRun): Promise<DigestOutcome> {
  const { options } = run
  const settings = options.newsletter
  const deliveries = options.collections.digestDeliveries.slug
  const since = new Date(s.lastDigestAt ?? s.confirmedAt ?? run.startedAt)
  const content = await run.content(s, since)
  if (!content) return 'skipped'

  const nonce = await ensureUnsubscribeNonce(payload, options, s)
  const unsubscribe = unsubscribeUrl(payload, options, nonce)
  // The mail's links open the site's pages; the header names the one-click endpoint (a POST there unsubscribes).
  const mail = content.personalize({ unsubscribe: unsubscribePageUrl(payload, options, nonce, s.locale), preferences: preferencesUrl(payload, options, nonce, s.locale) })
  const host = new URL(options.serverURL).hostname
  const headers = {
    'List-Unsubscribe': `<${unsubscribe}>, <mailto:${settings.unsubscribeMailto ?? fromAddress(payload)}?subject=unsubscribe>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': settings.listId ?? `<nyhetsbrev.${host}>`,
  }

  const dedupeKey = `${s.id}:${run.key}`
  let claimed = false
  let attempts = 0
  let tries = 0
  /** The durable `sending` mark: the claim on the first try. False: another worker owns this mail. */
  const markSending = async () => {
    if (!claimed) {
      const delivery = await claimDelivery(payload, s, { status: 'sending', items: content.items, attempts: tries }, run)
      claimed = delivery !== null
      attempts = delivery?.attempts ?? tries
      return claimed
    }
    await updateDelivery(payload, deliveries, dedupeKey, { status: 'sending', attempts: ++attempts })
    return true
  }
  let lastError = ''
  while (tries < settings.maxAttempts) {
    tries++
    try {
      await handOver(run, markSending, () => payload.sendEmail({ to: s.email, subject: mail.subject, html: mail.html, text: mail.text, headers }))
    } catch (err) {
      if (err === OWNED_ELSEWHERE) return 'skipped'
      const code = Number((err as { responseCode?: number }).responseCode)
      lastError = `${Number.isFinite(code) ? `${code} ` : ''}${(err as Error).message}`.slice(0, 1000)
      const temporary = !(code >= 500 && code < 600) // 4xx, and connection errors without a code, are worth another try
      if (!temporary || tries >= settings.maxAttempts) break
      // Back to queued: if this worker dies while waiting, the next run may take the row over.
      if (claimed) await updateDelivery(payload, deliveries, dedupeKey, { status: 'queued', lastError })
      await sleep(settings.retryDelaysMs[Math.min(tries - 1, settings.retryDelaysMs.length - 1)] ?? 0)
      continue
    }
    await run.sent.add(dedupeKey, s.id)
    return 'sent'
  }
  if (claimed) await updateDelivery(payload, deliveries, dedupeKey, { status: 'failed', lastError })
  // Refused before the claim was due (e.g. at RCPT TO): the failure is recorded all the same, unless another worker has this mail.
  else if (!(await claimDelivery(payload, s, { status: 'failed', items: content.items, attempts: tries, lastError }, run))) return 'skipped'
  const failedInRow = (s.failedInRow ?? 0) + 1
  await updateSubscriber(payload, options.collections.subscribers.slug, s.id, { failedInRow, ...(failedInRow >= settings.bounceAfter ? { status: 'bounced' } : {}) })
  return 'failed'
}
