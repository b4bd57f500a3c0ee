import type { AuditAction } from '../records/auditActions.js'
import type { Labels } from '../types.js'

/** Labels of the records' collections (audit log, retained versions) and fields (archived, review date). */
export const R = {
  auditLog: { singular: { sv: 'Loggpost', en: 'Audit entry' }, plural: { sv: 'Granskningslogg', en: 'Audit log' } },
  at: { sv: 'Tid', en: 'Time' },
  action: { sv: 'Händelse', en: 'Action' },
  collection: { sv: 'Samling', en: 'Collection' },
  document: { sv: 'Dokument-id', en: 'Document ID' },
  version: { sv: 'Version', en: 'Version' },
  user: { sv: 'Användare', en: 'User' },
  userId: { sv: 'Användar-id', en: 'User ID' },
  job: { sv: 'Jobb', en: 'Job' },
  reason: { sv: 'Skäl', en: 'Reason' },
  rule: { sv: 'Gallringsbeslut', en: 'Retention rule' },
  details: { sv: 'Detaljer', en: 'Details' },
  retainedVersions: { singular: { sv: 'Bevarad version', en: 'Retained version' }, plural: { sv: 'Bevarade versioner', en: 'Retained versions' } },
  archived: { sv: 'Arkiverad', en: 'Archived' },
  archivedHelp: {
    sv: 'Finns kvar publicerad, med en notis om att den är arkiverad; visas inte i listor som standard.',
    en: 'Stays published with an "archived" notice; hidden from listings by default.',
  },
  reviewBy: { sv: 'Granska senast', en: 'Review by' },
  reviewEditor: { sv: 'Ansvarig redaktör', en: 'Responsible editor' },
  publishedBy: { sv: 'Publicerad av', en: 'Published by' },
} satisfies Record<string, Labels | { singular: Labels; plural: Labels }>

/** The audit log's actions as the admin shows them. */
export const AUDIT_ACTION_LABELS = {
  publish: { sv: 'Publicerad', en: 'Published' },
  unpublish: { sv: 'Avpublicerad', en: 'Unpublished' },
  schedule: { sv: 'Schemalagd', en: 'Scheduled' },
  scheduleCancel: { sv: 'Schemaläggning borttagen', en: 'Schedule cancelled' },
  scheduledRun: { sv: 'Schemalagd körning', en: 'Scheduled run' },
  archive: { sv: 'Arkiverad', en: 'Archived' },
  unarchive: { sv: 'Inte längre arkiverad', en: 'Unarchived' },
  delete: { sv: 'Raderad', en: 'Deleted' },
  dispose: { sv: 'Gallrad', en: 'Disposed of' },
} satisfies Record<AuditAction, Labels>

/** The admin's recorded delete and disposal (RecordedDeleteButton), with its error messages. */
export const RD = {
  deleteButton: { sv: 'Radera med skäl …', en: 'Delete with a reason …' },
  disposeButton: { sv: 'Gallra bevarade versioner …', en: 'Dispose of retained versions …' },
  deleteTitle: { sv: 'Radera en allmän handling', en: 'Delete a public record' },
  disposeTitle: { sv: 'Gallra bevarade versioner', en: 'Dispose of retained versions' },
  deleteIntro: {
    sv: 'Posten tas bort från webbplatsen och ur administrationen. Dess publicerade versioner bevaras, och raderingen loggas med ditt namn, tiden och skälet.',
    en: 'The item is removed from the site and the admin. Its published versions are kept, and the deletion is logged with your name, the time and the reason.',
  },
  disposeIntro: {
    sv: 'Alla bevarade publicerade versioner av det raderade dokumentet tas bort för gott. Gallringen loggas med ditt namn, tiden, skälet och gallringsbeslutet.',
    en: 'Every retained published version of the deleted document is removed for good. The disposal is logged with your name, the time, the reason and the retention rule.',
  },
  reason: { sv: 'Skäl (krävs)', en: 'Reason (required)' },
  reasonHelp: { sv: 'Skriv varför, med minst 5 tecken. Skälet sparas i granskningsloggen.', en: 'Say why, in at least 5 characters. The reason is kept in the audit log.' },
  rule: { sv: 'Gallringsbeslut (krävs)', en: 'Retention rule (required)' },
  ruleHelp: { sv: 'Beslutet som gallringen följer, t.ex. diarienummer.', en: 'The decision the disposal follows, e.g. its reference number.' },
  confirmDelete: { sv: 'Radera', en: 'Delete' },
  confirmDispose: { sv: 'Gallra', en: 'Dispose' },
  cancel: { sv: 'Avbryt', en: 'Cancel' },
  busy: { sv: 'Arbetar …', en: 'Working …' },
  reasonMissing: { sv: 'Skriv ett skäl med minst 5 och högst 5000 tecken.', en: 'Write a reason of 5 to 5000 characters.' },
  ruleMissing: { sv: 'Ange gallringsbeslutet, 2 till 500 tecken.', en: 'Name the retention rule, 2 to 500 characters.' },
  forbidden: { sv: 'Bara en administratör får göra detta.', en: 'Only an admin may do this.' },
  notFound: { sv: 'Dokumentet finns inte (längre).', en: 'The document does not exist (any more).' },
  conflict: { sv: 'Dokumentet finns kvar: radera det först, gallra sedan dess bevarade versioner.', en: 'The document still exists: delete it first, then dispose of its retained versions.' },
  failed: { sv: 'Det gick inte. Försök igen.', en: 'That did not work. Try again.' },
} satisfies Record<string, Labels>
