import type { Labels } from './types.js'

export function isAbsoluteHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/** Validation messages, one per admin language. */
export const V = {
  absoluteUrl: { sv: 'Ange en fullständig webbadress som börjar med http:// eller https://.', en: 'Must be an absolute http(s) URL.' },
  email: { sv: 'Ange en e-postadress (namn@exempel.se).', en: 'Must be an e-mail address.' },
  endBeforeStart: { sv: 'Slutet får inte vara före starten.', en: 'The end must not be before the start.' },
  slugChars: {
    sv: 'Adressen behöver bokstäver eller siffror (a–z, 0–9): skriv en, eller en rubrik som har några.',
    en: 'The slug needs letters or digits (a–z, 0–9); give one, or a title that has some.',
  },
  linkDoc: { sv: 'Välj sidan att länka till, eller markera länken som extern.', en: 'Choose the page to link to, or mark the link as external.' },
  externalUrl: { sv: 'En extern länk behöver en fullständig webbadress (http:// eller https://).', en: 'An external link needs an absolute http(s) URL.' },
  topicCycle: { sv: 'Ett ämne kan inte ligga under sig självt eller under ett av sina underämnen.', en: 'A topic cannot be placed under itself or one of its own subtopics.' },
} satisfies Record<string, Labels>

type WithI18n = { req?: { i18n?: { language?: string } } } | undefined

/**
 * The message in the language of the request: the admin's language for the admin (Payload puts
 * it on `req.i18n`), Swedish when there is none, as for the admin itself.
 */
export const message = (options: WithI18n, text: Labels): string => {
  const language = options?.req?.i18n?.language
  return language === 'en' ? text.en : text.sv
}

/** Field validator for optional absolute URLs. */
export const optionalHttpUrl = (value: unknown, options?: WithI18n): true | string =>
  value == null || value === '' || isAbsoluteHttpUrl(value) ? true : message(options, V.absoluteUrl)
