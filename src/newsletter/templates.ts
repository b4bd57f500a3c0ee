/** Mails and pages of the newsletter (their texts: src/texts/). Pure functions: no Payload, no clock. */

import { createHash } from 'node:crypto'

import { stockholmLongDate } from '../stockholmDate.js'
import { type Lang, langOf } from '../texts/lang.js'
import { MAIL as T } from '../texts/mail.js'
import { LOCALE_NAMES, PAGES as P, PREFERENCES as PF, SIGNUP } from '../texts/pages.js'

export const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export type Mail = { subject: string; html: string; text: string }

const layout = (l: Lang, title: string, body: string) =>
  `<!doctype html><html lang="${l}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title></head>` +
  `<body style="font-family:system-ui,sans-serif;max-width:40em;margin:1em auto;padding:0 1em;line-height:1.5">${body}</body></html>`

/** `manage` links (to an active subscriber) also point at the settings page and the unsubscribe link. */
export function confirmMail(locale: unknown, kind: 'confirm' | 'manage', confirmUrl: string, manageLinks: { unsubscribe: string; preferences: string } | null, ttlHours: number): Mail {
  const l = langOf(locale)
  const subject = kind === 'confirm' ? T.confirmSubject[l] : T.manageSubject[l]
  const intro = kind === 'confirm' ? T.confirmIntro[l].replace('{hours}', String(ttlHours)) : T.manageIntro[l]
  const button = kind === 'confirm' ? T.confirmButton[l] : T.manageButton[l]
  const links = manageLinks
    ? `<p><a href="${esc(manageLinks.preferences)}">${T.preferences[l]}</a> · <a href="${esc(manageLinks.unsubscribe)}">${T.unsubscribe[l]}</a></p>`
    : ''
  const textLinks = manageLinks ? `\n${T.preferences[l]}: ${manageLinks.preferences}\n${T.unsubscribe[l]}: ${manageLinks.unsubscribe}\n` : ''
  return {
    subject,
    html: layout(l, subject, `<h1>${esc(subject)}</h1><p>${esc(intro)}</p><p><a href="${esc(confirmUrl)}">${esc(button)}</a></p><p>${esc(T.ignore[l])}</p>${links}`),
    text: `${subject}\n\n${intro}\n\n${button}: ${confirmUrl}\n\n${T.ignore[l]}\n${textLinks}`,
  }
}

export type DigestItem = { title: string; summary?: string | null; url: string; date: string; type: string }

const formatDate = (l: Lang, iso: string) => stockholmLongDate(iso, l)

export function digestMail(locale: unknown, items: DigestItem[], links: { unsubscribe: string; preferences: string }): Mail {
  const l = langOf(locale)
  const subject = `${T.digestSubject[l]} (${items.length})`
  const htmlItems = items
    .map(
      (i) =>
        `<li style="margin-bottom:1em"><a href="${esc(i.url)}"><strong>${esc(i.title)}</strong></a><br><small>${esc(formatDate(l, i.date))}</small>` +
        (i.summary ? `<br>${esc(i.summary)}` : '') +
        '</li>',
    )
    .join('')
  const footer = `<hr><p><small>${esc(T.why[l])}<br><a href="${esc(links.preferences)}">${T.preferences[l]}</a> · <a href="${esc(links.unsubscribe)}">${T.unsubscribe[l]}</a></small></p>`
  const textItems = items.map((i) => `* ${i.title} (${formatDate(l, i.date)})\n${i.summary ? `  ${i.summary}\n` : ''}  ${i.url}`).join('\n\n')
  return {
    subject,
    html: layout(l, subject, `<h1>${esc(T.digestSubject[l])}</h1><p>${esc(T.digestIntro[l])}</p><ul style="padding-left:1em">${htmlItems}</ul>${footer}`),
    text: `${T.digestSubject[l]}\n\n${T.digestIntro[l]}\n\n${textItems}\n\n--\n${T.why[l]}\n${T.preferences[l]}: ${links.preferences}\n${T.unsubscribe[l]}: ${links.unsubscribe}\n`,
  }
}

export type Page = keyof typeof P

/**
 * The one script of the newsletter pages: submits the confirmation form, so a person whose browser
 * runs scripts just sees the result. A mail scanner that only fetches the link confirms nothing.
 * Allowed by its hash in the pages' Content-Security-Policy (no inline handlers, no other script).
 */
export const AUTO_SUBMIT_SCRIPT = "document.getElementById('newsroom-confirm').submit()"
export const AUTO_SUBMIT_SCRIPT_HASH = `sha256-${createHash('sha256').update(AUTO_SUBMIT_SCRIPT, 'utf8').digest('base64')}`

/**
 * A small stand-alone HTML page. `action` makes the page's form: the unsubscribe button, or for
 * `confirmAsk`/`manageAsk` the confirmation form (carrying `token`) that submits itself; `signup`
 * links to the sign-up page.
 */
export function page(which: Page, locale: unknown, extra: { action?: string; token?: string; signup?: string } = {}): string {
  const l = langOf(locale)
  const title = P[which].title[l]
  const text = P[which].text[l]
  let body = `<h1>${esc(title)}</h1><p>${esc(text)}</p>`
  if ((which === 'invalid' || which === 'notSubscribed') && extra.signup) body += `<p><a href="${esc(extra.signup)}">${esc(SIGNUP[l])}</a></p>`
  if (which === 'unsubscribeAsk' && extra.action)
    body += `<form method="post" action="${esc(extra.action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${esc(title)}</button></form>`
  if ((which === 'confirmAsk' || which === 'manageAsk') && extra.action && extra.token) {
    body +=
      `<form id="newsroom-confirm" method="post" action="${esc(extra.action)}"><input type="hidden" name="token" value="${esc(extra.token)}">` +
      `<button type="submit">${esc(which === 'confirmAsk' ? T.confirmButton[l] : T.manageButton[l])}</button></form><script>${AUTO_SUBMIT_SCRIPT}</script>`
  }
  return layout(l, title, body)
}

/** A topic of the form; `depth` 0 for a top-level topic, 1 for its children and so on. */
export type TopicChoice = { slug: string; title: string; depth: number }

export type PreferencesView = {
  /** Where the form posts: this page's path with its `?token=`. */
  action: string
  topics: TopicChoice[]
  selected: string[]
  frequency: string
  locale: string
  locales: string[]
  unsubscribe: string
  pending: boolean
  saved: boolean
}

/** The settings form, in the language of the subscriber's locale. */
export function preferencesPage(v: PreferencesView): string {
  const l = langOf(v.locale)
  const radio = (name: string, value: string, label: string, current: string) =>
    `<label style="display:block"><input type="radio" name="${name}" value="${esc(value)}"${value === current ? ' checked' : ''}> ${esc(label)}</label>`
  const selected = new Set(v.selected)
  const topicBoxes = v.topics
    .map(
      (t) =>
        `<label style="display:block;margin-left:${t.depth * 1.5}em"><input type="checkbox" name="topics" value="${esc(t.slug)}"${selected.has(t.slug) ? ' checked' : ''}> ${esc(t.title)}</label>`,
    )
    .join('')
  // The empty hidden `topics` makes a form with no box ticked still send the field: every topic.
  const topics = v.topics.length
    ? `<fieldset><legend>${esc(PF.topics[l])}</legend><p><small>${esc(PF.topicsHint[l])}</small></p><input type="hidden" name="topics" value="">${topicBoxes}</fieldset>`
    : ''
  const frequency = `<fieldset><legend>${esc(PF.frequency[l])}</legend>${radio('frequency', 'daily', PF.daily[l], v.frequency)}${radio('frequency', 'weekly', PF.weekly[l], v.frequency)}</fieldset>`
  const locale = `<fieldset><legend>${esc(PF.locale[l])}</legend>${v.locales.map((code) => radio('locale', code, LOCALE_NAMES[code] ?? code, v.locale)).join('')}</fieldset>`
  const body =
    `<h1>${esc(PF.title[l])}</h1>` +
    (v.saved ? `<p role="status"><strong>${esc(PF.saved[l])}</strong></p>` : '') +
    (v.pending ? `<p>${esc(PF.pending[l])}</p>` : '') +
    `<form method="post" action="${esc(v.action)}">${topics}${frequency}${locale}<p><button type="submit">${esc(PF.save[l])}</button></p></form>` +
    `<p><a href="${esc(v.unsubscribe)}">${esc(T.unsubscribe[l])}</a></p>`
  return layout(l, PF.title[l], body)
}
