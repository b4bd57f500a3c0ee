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
  scheduledRun: { sv: 'Schemalagd körning', en: 'Scheduled run' },
  archive: { sv: 'Arkiverad', en: 'Archived' },
  unarchive: { sv: 'Inte längre arkiverad', en: 'Unarchived' },
  delete: { sv: 'Raderad', en: 'Deleted' },
  dispose: { sv: 'Gallrad', en: 'Disposed of' },
} satisfies Record<AuditAction, Labels>
