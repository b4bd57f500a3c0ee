import { randomBytes } from 'node:crypto'

import { type DigestItem, digestMail, esc, type Mail } from '../templates.js'

/** The two personal links of a digest mail. */
export type DigestLinks = { unsubscribe: string; preferences: string }
/** A digest rendered once for everyone with the same items; `personalize` puts in the subscriber's links. */
export type DigestContent = { items: number; personalize: (links: DigestLinks) => Mail }

/** Stand-ins for the personal links while rendering: valid URLs that no item or text can contain. */
const PLACEHOLDER: DigestLinks = (() => {
  const tag = randomBytes(12).toString('hex')
  return { unsubscribe: `https://${tag}.invalid/unsubscribe`, preferences: `https://${tag}.invalid/preferences` }
})()

export function renderDigest(locale: string, items: DigestItem[]): DigestContent {
  const mail = digestMail(locale, items, PLACEHOLDER)
  const fill = (text: string, links: DigestLinks, encode: (s: string) => string) =>
    text.split(PLACEHOLDER.unsubscribe).join(encode(links.unsubscribe)).split(PLACEHOLDER.preferences).join(encode(links.preferences))
  const both = (text: string) => text.includes(PLACEHOLDER.unsubscribe) && text.includes(PLACEHOLDER.preferences)
  // Should the template ever transform the links, render per subscriber rather than send a stand-in.
  if (!both(mail.html) || !both(mail.text)) return { items: items.length, personalize: (links) => digestMail(locale, items, links) }
  return { items: items.length, personalize: (links) => ({ subject: mail.subject, html: fill(mail.html, links, esc), text: fill(mail.text, links, (x) => x) }) }
}
