/** Mail and page texts, Swedish and English. Pure functions: no Payload, no clock. */

import { createHash } from 'node:crypto'

export type Lang = 'sv' | 'en'
export const lang = (locale: unknown): Lang => (locale === 'en' ? 'en' : 'sv')

export const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export type Mail = { subject: string; html: string; text: string }

const T = {
  confirmSubject: { sv: 'Bekräfta din prenumeration', en: 'Confirm your subscription' },
  confirmIntro: {
    sv: 'Någon, förhoppningsvis du, har anmält den här adressen till vårt nyhetsbrev. Bekräfta med länken nedan. Länken gäller i {hours} timmar.',
    en: 'Someone, hopefully you, signed this address up for our newsletter. Confirm with the link below. The link is valid for {hours} hours.',
  },
  confirmButton: { sv: 'Bekräfta prenumerationen', en: 'Confirm subscription' },
  ignore: { sv: 'Om det inte var du kan du bortse från det här mejlet.', en: 'If it was not you, just ignore this e-mail.' },
  manageSubject: { sv: 'Hantera din prenumeration', en: 'Manage your subscription' },
  manageIntro: {
    sv: 'Den här adressen prenumererar redan på vårt nyhetsbrev. Vill du använda de nya inställningarna du just skickade, bekräfta med länken nedan.',
    en: 'This address is already subscribed to our newsletter. To use the settings you just sent, confirm with the link below.',
  },
  manageButton: { sv: 'Använd de nya inställningarna', en: 'Use the new settings' },
  unsubscribe: { sv: 'Avsluta prenumerationen', en: 'Unsubscribe' },
  preferences: { sv: 'Ändra dina inställningar', en: 'Change your settings' },
  digestSubject: { sv: 'Nytt från nyhetsrummet', en: 'New from the newsroom' },
  digestIntro: { sv: 'Det här har publicerats sedan förra utskicket:', en: 'Published since the last issue:' },
  why: {
    sv: 'Du får det här mejlet eftersom du prenumererar på vårt nyhetsbrev.',
    en: 'You receive this e-mail because you subscribe to our newsletter.',
  },
}

const layout = (l: Lang, title: string, body: string) =>
  `<!doctype html><html lang="${l}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title></head>` +
  `<body style="font-family:system-ui,sans-serif;max-width:40em;margin:1em auto;padding:0 1em;line-height:1.5">${body}</body></html>`

/** `manage` links (to an active subscriber) also point at the settings page and the unsubscribe link. */
export function confirmMail(locale: unknown, kind: 'confirm' | 'manage', confirmUrl: string, manageLinks: { unsubscribe: string; preferences: string } | null, ttlHours: number): Mail {
  const l = lang(locale)
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

const formatDate = (l: Lang, iso: string) =>
  new Intl.DateTimeFormat(l === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(new Date(iso))

export function digestMail(locale: unknown, items: DigestItem[], links: { unsubscribe: string; preferences: string }): Mail {
  const l = lang(locale)
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

const P = {
  confirmAsk: {
    sv: ['Bekräfta prenumerationen', 'Tryck på knappen för att bekräfta att du vill få vårt nyhetsbrev.'],
    en: ['Confirm subscription', 'Press the button to confirm that you want to receive our newsletter.'],
  },
  manageAsk: {
    sv: ['Använd de nya inställningarna', 'Tryck på knappen för att börja använda inställningarna du skickade.'],
    en: ['Use the new settings', 'Press the button to start using the settings you sent.'],
  },
  confirmed: { sv: ['Tack!', 'Din prenumeration är bekräftad.'], en: ['Thank you!', 'Your subscription is confirmed.'] },
  alreadyConfirmed: {
    sv: ['Redan bekräftad', 'Din prenumeration är redan bekräftad. Du behöver inte göra något mer.'],
    en: ['Already confirmed', 'Your subscription is already confirmed. There is nothing more to do.'],
  },
  applied: { sv: ['Klart!', 'Dina nya inställningar används nu.'], en: ['Done!', 'Your new settings are in use now.'] },
  alreadyApplied: {
    sv: ['Redan klart', 'De nya inställningarna används redan. Du behöver inte göra något mer.'],
    en: ['Already done', 'The new settings are in use already. There is nothing more to do.'],
  },
  invalid: {
    sv: ['Länken gäller inte längre', 'Länken har gått ut eller ersatts av en nyare. Anmäl dig igen så skickar vi en ny.'],
    en: ['This link is no longer valid', 'The link has expired or has been replaced by a newer one. Sign up again and we will send a new one.'],
  },
  unsubscribeAsk: { sv: ['Avsluta prenumerationen', 'Vill du sluta få vårt nyhetsbrev?'], en: ['Unsubscribe', 'Do you want to stop receiving our newsletter?'] },
  unsubscribed: { sv: ['Prenumerationen är avslutad', 'Du får inga fler utskick från oss.'], en: ['You are unsubscribed', 'You will not receive any more e-mails from us.'] },
  notSubscribed: {
    sv: ['Prenumerationen är inte aktiv', 'Du får inte längre vårt nyhetsbrev, så det finns inga inställningar att ändra. Vill du ha det igen kan du anmäla dig på nytt.'],
    en: ['Your subscription is not active', 'You no longer receive our newsletter, so there are no settings to change. If you want it again, sign up anew.'],
  },
} satisfies Record<string, Record<Lang, [string, string]>>
const SIGNUP = { sv: 'Anmäl dig igen', en: 'Sign up again' }

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
  const l = lang(locale)
  const [title, text] = P[which][l]
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

const PF = {
  title: { sv: 'Dina inställningar', en: 'Your settings' },
  saved: { sv: 'Dina inställningar är sparade.', en: 'Your settings have been saved.' },
  pending: {
    sv: 'Prenumerationen är inte bekräftad än: använd länken i bekräftelsemejlet för att börja få utskicken.',
    en: 'Your subscription is not confirmed yet: use the link in the confirmation e-mail to start receiving it.',
  },
  topics: { sv: 'Ämnen', en: 'Topics' },
  topicsHint: { sv: 'Kryssa inte i något ämne om du vill få allt.', en: 'Tick no topic to get everything.' },
  frequency: { sv: 'Hur ofta', en: 'How often' },
  daily: { sv: 'Dagligen', en: 'Daily' },
  weekly: { sv: 'Veckovis', en: 'Weekly' },
  locale: { sv: 'Språk', en: 'Language' },
  save: { sv: 'Spara', en: 'Save' },
}
const LOCALE_NAMES: Record<string, string> = { sv: 'Svenska', en: 'English' }

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
  const l = lang(v.locale)
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
