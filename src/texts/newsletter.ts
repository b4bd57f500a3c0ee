import type { Labels } from '../types.js'

/** Labels of the newsletter's collections (subscribers, digest runs and deliveries) and their fields. */
export const N = {
  subscribers: { singular: { sv: 'Prenumerant', en: 'Subscriber' }, plural: { sv: 'Prenumeranter', en: 'Subscribers' } },
  status: { sv: 'Status', en: 'Status' },
  pending: { sv: 'Väntar på bekräftelse', en: 'Pending' },
  active: { sv: 'Aktiv', en: 'Active' },
  unsubscribed: { sv: 'Avslutad', en: 'Unsubscribed' },
  bounced: { sv: 'Studsar', en: 'Bounced' },
  topicsHelp: { sv: 'Tomt = alla ämnen', en: 'Empty = every topic' },
  locale: { sv: 'Språk', en: 'Language' },
  frequency: { sv: 'Frekvens', en: 'Frequency' },
  /** A subscriber's choice ("daily"), and a run's kind ("a daily run"). */
  daily: { sv: 'Dagligen', en: 'Daily' },
  dailyRun: { sv: 'Dagligt', en: 'Daily' },
  weekly: { sv: 'Veckovis', en: 'Weekly' },
  consent: { sv: 'Samtycke', en: 'Consent' },
  consentAt: { sv: 'Tidpunkt', en: 'At' },
  wordingVersion: { sv: 'Version av samtyckestexten', en: 'Wording version' },
  sourcePage: { sv: 'Sida där samtycket gavs', en: 'Source page' },
  confirmedAt: { sv: 'Bekräftad', en: 'Confirmed' },
  unsubscribedAt: { sv: 'Avslutad', en: 'Unsubscribed' },
  lastDigestAt: { sv: 'Senaste utskick', en: 'Last digest' },
  failedInRow: { sv: 'Misslyckade i rad', en: 'Failed in a row' },
  digestRuns: { singular: { sv: 'Utskick', en: 'Digest run' }, plural: { sv: 'Utskick', en: 'Digest runs' } },
  periodKey: { sv: 'Period', en: 'Period' },
  startedAt: { sv: 'Startat', en: 'Started' },
  finishedAt: { sv: 'Klart', en: 'Finished' },
  sent: { sv: 'Skickade', en: 'Sent' },
  skipped: { sv: 'Hoppade över', en: 'Skipped' },
  failed: { sv: 'Misslyckade', en: 'Failed' },
  digestDeliveries: { singular: { sv: 'Leverans', en: 'Delivery' }, plural: { sv: 'Leveranser', en: 'Deliveries' } },
} satisfies Record<string, Labels | { singular: Labels; plural: Labels }>
