import type { Labels } from '../types.js'

/** Texts of the newsroom's own admin components, Swedish and English. */
export const T = {
  all: { sv: 'Alla', en: 'All' },
  active: { sv: 'Aktiva', en: 'Active' },
  pending: { sv: 'Väntar', en: 'Pending' },
  unsubscribed: { sv: 'Avslutade', en: 'Unsubscribed' },
  bounced: { sv: 'Studsar', en: 'Bounced' },
  byStatus: { sv: 'Prenumeranter per status', en: 'Subscribers by status' },
  topic: { sv: 'Får nyheter om', en: 'Receives news on' },
  allTopics: { sv: 'Alla ämnen', en: 'All topics' },
  topicHelp: {
    sv: 'Ämnet, ett överordnat ämne eller inga ämnen (= allt).',
    en: 'The topic, a parent topic, or no topics (= everything).',
  },
  customFilter: { sv: 'Eget filter: antalen gäller alla prenumeranter.', en: 'Custom filter: the counts are for all subscribers.' },
  exportCsv: { sv: 'Exportera CSV', en: 'Export CSV' },
  erasure: {
    sv: 'Radera = radera enligt GDPR: prenumeranten tas bort tillsammans med sin leveranshistorik, sina räknare för anmälningsförsök och köade bekräftelsemejl. Utskicken behåller bara antal.',
    en: 'Delete = GDPR erasure: the subscriber is removed together with their delivery history, their sign-up attempt counters and queued confirmation mails. Digest runs keep counts only.',
  },
  runNow: { sv: 'Skicka utskick nu', en: 'Run digest now' },
  frequency: { sv: 'Frekvens', en: 'Frequency' },
  daily: { sv: 'Dagligt', en: 'Daily' },
  weekly: { sv: 'Veckovis', en: 'Weekly' },
  queued: {
    sv: 'Utskicket är köat och körs av jobbkön inom en minut. Ladda om sidan för att se det.',
    en: 'The digest is queued; the job runner picks it up within a minute. Reload to see it.',
  },
  failed: { sv: 'Det gick inte att köa utskicket', en: 'Could not queue the digest' },
  runHelp: {
    sv: 'Varje prenumerant får högst ett mejl per period, så det är ofarligt att köra igen.',
    en: 'Each subscriber gets at most one mail per period, so running it again is safe.',
  },
  slugHelp: { sv: 'Skapas från rubriken om du lämnar den tom.', en: 'Made from the title when left empty.' },
  slugTaken: {
    sv: 'Adressen ”{base}” används redan av en annan post, så den här fick ”{slug}”. Skriv en egen adress här om du vill ha en annan.',
    en: 'The address "{base}" is already used by another item, so this one got "{slug}". Type your own here if you want another.',
  },
  scheduledFor: { sv: 'Publiceras', en: 'Publishes' },
  unscheduledFor: { sv: 'Avpubliceras', en: 'Unpublishes' },
  scheduledColumn: { sv: 'Schemalagt', en: 'Scheduled' },
  untitled: { sv: 'Utkast utan rubrik', en: 'Untitled draft' },
  current: { sv: 'Aktuellt', en: 'Current' },
  quickFilters: { sv: 'Snabbfilter', en: 'Quick filters' },
  publishedFilter: { sv: 'Publicerade', en: 'Published' },
  draftFilter: { sv: 'Utkast', en: 'Drafts' },
  upcoming: { sv: 'Kommande', en: 'Upcoming' },
  past: { sv: 'Tidigare', en: 'Past' },
  currentHelp: {
    sv: 'Nyheter, kalenderhändelser och pressmeddelanden i en lista, senast ändrade först.',
    en: 'News, calendar events and press items in one list, most recently changed first.',
  },
  titleColumn: { sv: 'Rubrik', en: 'Title' },
  typeColumn: { sv: 'Typ', en: 'Type' },
  statusColumn: { sv: 'Status', en: 'Status' },
  changedColumn: { sv: 'Ändrad', en: 'Changed' },
} satisfies Record<string, Labels>
