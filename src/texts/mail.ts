import type { Labels } from '../types.js'

/** Texts of the newsletter's mails. */
export const MAIL = {
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
} satisfies Record<string, Labels>
