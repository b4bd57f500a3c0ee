export const AUDIT_ACTIONS = [
  { value: 'publish', label: { sv: 'Publicerad', en: 'Published' } },
  { value: 'unpublish', label: { sv: 'Avpublicerad', en: 'Unpublished' } },
  { value: 'schedule', label: { sv: 'Schemalagd', en: 'Scheduled' } },
  { value: 'scheduledRun', label: { sv: 'Schemalagd körning', en: 'Scheduled run' } },
  { value: 'archive', label: { sv: 'Arkiverad', en: 'Archived' } },
  { value: 'unarchive', label: { sv: 'Inte längre arkiverad', en: 'Unarchived' } },
  { value: 'delete', label: { sv: 'Raderad', en: 'Deleted' } },
  { value: 'dispose', label: { sv: 'Gallrad', en: 'Disposed of' } },
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]['value']
