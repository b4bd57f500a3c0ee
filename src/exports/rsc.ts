export { DigestRunsHeader } from '../admin/DigestRunsHeader.js'
export { SubscriberStats } from '../admin/SubscriberStats.js'
