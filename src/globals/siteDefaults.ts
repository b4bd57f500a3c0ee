/** What the public pages use until an editor fills in the site settings. Colours meet WCAG AA on white (≥ 4.5:1). */
export const SITE_DEFAULTS = {
  organisationName: 'Nyhetsrum',
  colors: {
    /** Header background, buttons, active tab. White text on it: 8.6:1. */
    primary: '#1d4f73',
    /** Links on white: 7.4:1. */
    link: '#1a5a8a',
    /** Body text on white: 15:1. */
    text: '#1f2328',
    /** Page background. */
    background: '#ffffff',
    /** Focus outline: 3:1 against white and the primary colour's neighbours. */
    focus: '#b3470c',
  },
} as const

export type SiteColors = { -readonly [K in keyof typeof SITE_DEFAULTS.colors]: string }
