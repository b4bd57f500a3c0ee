import type { Labels } from '../types.js'

/** The newsletter's stand-alone pages (confirmation, unsubscribe, …): each a heading and a text. */
export const PAGES = {
  confirmAsk: {
    title: { sv: 'Bekräfta prenumerationen', en: 'Confirm subscription' },
    text: { sv: 'Tryck på knappen för att bekräfta att du vill få vårt nyhetsbrev.', en: 'Press the button to confirm that you want to receive our newsletter.' },
  },
  manageAsk: {
    title: { sv: 'Använd de nya inställningarna', en: 'Use the new settings' },
    text: { sv: 'Tryck på knappen för att börja använda inställningarna du skickade.', en: 'Press the button to start using the settings you sent.' },
  },
  confirmed: {
    title: { sv: 'Tack!', en: 'Thank you!' },
    text: { sv: 'Din prenumeration är bekräftad.', en: 'Your subscription is confirmed.' },
  },
  alreadyConfirmed: {
    title: { sv: 'Redan bekräftad', en: 'Already confirmed' },
    text: { sv: 'Din prenumeration är redan bekräftad. Du behöver inte göra något mer.', en: 'Your subscription is already confirmed. There is nothing more to do.' },
  },
  applied: {
    title: { sv: 'Klart!', en: 'Done!' },
    text: { sv: 'Dina nya inställningar används nu.', en: 'Your new settings are in use now.' },
  },
  alreadyApplied: {
    title: { sv: 'Redan klart', en: 'Already done' },
    text: { sv: 'De nya inställningarna används redan. Du behöver inte göra något mer.', en: 'The new settings are in use already. There is nothing more to do.' },
  },
  invalid: {
    title: { sv: 'Länken gäller inte längre', en: 'This link is no longer valid' },
    text: { sv: 'Länken har gått ut eller ersatts av en nyare. Anmäl dig igen så skickar vi en ny.', en: 'The link has expired or has been replaced by a newer one. Sign up again and we will send a new one.' },
  },
  unsubscribeAsk: {
    title: { sv: 'Avsluta prenumerationen', en: 'Unsubscribe' },
    text: { sv: 'Vill du sluta få vårt nyhetsbrev?', en: 'Do you want to stop receiving our newsletter?' },
  },
  unsubscribed: {
    title: { sv: 'Prenumerationen är avslutad', en: 'You are unsubscribed' },
    text: { sv: 'Du får inga fler utskick från oss.', en: 'You will not receive any more e-mails from us.' },
  },
  notSubscribed: {
    title: { sv: 'Prenumerationen är inte aktiv', en: 'Your subscription is not active' },
    text: { sv: 'Du får inte längre vårt nyhetsbrev, så det finns inga inställningar att ändra. Vill du ha det igen kan du anmäla dig på nytt.', en: 'You no longer receive our newsletter, so there are no settings to change. If you want it again, sign up anew.' },
  },
} satisfies Record<string, { title: Labels; text: Labels }>

export const SIGNUP: Labels = { sv: 'Anmäl dig igen', en: 'Sign up again' }

/** The subscriber's settings page. */
export const PREFERENCES = {
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
} satisfies Record<string, Labels>

/** Each locale's name in itself, for the language choice. */
export const LOCALE_NAMES: Record<string, string> = { sv: 'Svenska', en: 'English' }
