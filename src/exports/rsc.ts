export { DigestRunsHeader } from '../admin/DigestRunsHeader.js'
export { SubscriberStats } from '../admin/SubscriberStats.js'
export { ScheduledCell } from '../admin/ScheduledCell.js'
export { EditorDashboard } from '../admin/EditorDashboard.js'
