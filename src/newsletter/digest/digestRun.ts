import type { ResolvedNewsroomOptions } from '../../options.js'
import type { Subscriber } from '../common.js'
import type { DigestContent } from './renderDigest.js'
import type { SentMarks } from './sentMarks.js'

/** What the steps of one digest run share. */
export type DigestRun = {
  options: ResolvedNewsroomOptions
  /** The period key, e.g. `daily:2026-11-24`. */
  key: string
  startedAt: Date
  runId: string | number
  /** Who claims the deliveries: the run and a random tag. */
  worker: string
  content: (s: Subscriber, since: Date) => Promise<DigestContent | null>
  sent: SentMarks
  /** Waits for the handoff; resolves to its (idempotent) release. */
  handoff: () => Promise<() => void>
}
