/** What an audit row records (labels: src/texts/records.ts). */
export const AUDIT_ACTIONS = ['publish', 'unpublish', 'schedule', 'scheduleCancel', 'scheduledRun', 'archive', 'unarchive', 'delete', 'dispose'] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]
