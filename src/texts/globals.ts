import type { Labels } from '../types.js'

/** Admin labels of the site settings and accessibility statement globals. */
export const G = {
  siteSettings: { sv: 'Webbplatsinställningar', en: 'Site settings' },
  organisationName: { sv: 'Organisationens namn', en: 'Organisation name' },
  logo: { sv: 'Logotyp', en: 'Logo' },
  logoHelp: { sv: 'Visas i sidhuvudet; alternativtexten blir länkens text.', en: 'Shown in the header; its alt text becomes the link text.' },
  colours: { sv: 'Färger', en: 'Colours' },
  primary: { sv: 'Huvudfärg (sidhuvud, knappar)', en: 'Primary (header, buttons)' },
  link: { sv: 'Länkar', en: 'Links' },
  text: { sv: 'Text', en: 'Text' },
  background: { sv: 'Bakgrund', en: 'Background' },
  focus: { sv: 'Fokusmarkering', en: 'Focus outline' },
  footerLinks: { sv: 'Länkar i sidfoten', en: 'Footer links' },
  accessibilityStatement: { sv: 'Tillgänglighetsredogörelse', en: 'Accessibility statement' },
  reviewedAt: { sv: 'Senast granskad', en: 'Last reviewed' },
} satisfies Record<string, Labels>

/** The help text of a colour field, naming its default. */
export const colourHelp = (fallback: string): Labels => ({
  sv: `Standard ${fallback}. Välj färger med kontrast minst 4,5:1 mot texten.`,
  en: `Default ${fallback}. Keep a contrast of at least 4.5:1 with the text.`,
})
