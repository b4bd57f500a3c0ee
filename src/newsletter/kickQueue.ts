import type { Payload } from 'payload'

import { SIGNUP_QUEUE } from './common.js'

/**
 * Runs `task` once the current answer has been sent: through Next's `after` inside a Next request
 * (what `npm start` serves), else on the next turn of the event loop (Payload served without Next,
 * the Local API). Not inside the answer: SQLite work runs on the main thread, and a job started
 * while the answer is still being written would make that answer's timing depend on the job.
 */
function afterResponse(task: () => void) {
  try {
    if (!after) throw new Error('not in Next')
    after(task)
  } catch {
    setImmediate(task)
  }
}

// Loaded without blocking: importing next/server outside a Next server throws (Next's
// AsyncLocalStorage invariant), and the plugin also runs in scripts, the Payload CLI and tests.
let after: ((task: () => void) => void) | undefined
import('next/server.js').then(
  (m) => void (after = m.after),
  () => {},
)

type Flight = { running: boolean; again: boolean }
const flights = new WeakMap<Payload, Flight>()

/** Jobs taken per run; the run repeats while it finds any. */
const BATCH = 20

/**
 * Runs the sign-up queue in this process without making the caller wait (`afterResponse`: once the
 * current request's answer has been sent; the backstop timer kicks `now`): a sign-up's mail
 * goes out within a second or so instead of at the next cron tick. Single flight per Payload
 * instance: a kick during a run makes that run go round once more, so no job is left behind and
 * runs never pile up. Jobs run one after the other (two sign-ups of one address never race).
 * Only where this process runs jobs: the config has `jobs.autoRun` and `jobs.shouldAutoRun` (if
 * any) agrees (RUN_JOBS=false: a worker elsewhere runs the `newsletter` queue). A job that fails
 * waits for its retry backoff; the backstop timer (src/newsletter/jobsConfig.ts) then takes it.
 */
export function kickSignupQueue(payload: Payload, when: 'afterResponse' | 'now' = 'now'): void {
  let flight = flights.get(payload)
  if (!flight) flights.set(payload, (flight = { running: false, again: false }))
  if (flight.running) {
    flight.again = true
    return
  }
  flight.running = true
  const f = flight
  ;(when === 'afterResponse' ? afterResponse : setImmediate)(() => {
    void (async () => {
      try {
        const jobs = payload.config.jobs
        if (!jobs?.autoRun || (jobs.shouldAutoRun && !(await jobs.shouldAutoRun(payload)))) return
        do {
          f.again = false
          const result = await payload.jobs.run({ queue: SIGNUP_QUEUE, limit: BATCH, sequential: true, silent: { info: true } })
          if (!result.noJobsRemaining) f.again = true
        } while (f.again)
      } catch (err) {
        payload.logger.error({ err, msg: 'newsletter: running the sign-up queue failed; the cron will retry' })
      } finally {
        f.running = false
      }
    })()
  })
}
