import type { Payload } from 'payload'

import { SIGNUP_QUEUE } from './common'

type Flight = { running: boolean; again: boolean }
const flights = new WeakMap<Payload, Flight>()

/** Jobs taken per run; the run repeats while it finds any. */
const BATCH = 20

/**
 * Runs the sign-up queue now, in this process, without making the caller wait: a sign-up's mail
 * goes out within a second or so instead of at the next cron tick. Single flight per Payload
 * instance: a kick during a run makes that run go round once more, so no job is left behind and
 * runs never pile up. Jobs run one after the other (two sign-ups of one address never race).
 * Only where this process runs jobs: the config has `jobs.autoRun` and `jobs.shouldAutoRun` (if
 * any) agrees (RUN_JOBS=false: a worker elsewhere runs the `newsletter` queue). A job that fails
 * waits for its retry backoff; the backstop timer (src/newsletter/jobsConfig.ts) then takes it.
 */
export function kickSignupQueue(payload: Payload): void {
  let flight = flights.get(payload)
  if (!flight) flights.set(payload, (flight = { running: false, again: false }))
  if (flight.running) {
    flight.again = true
    return
  }
  flight.running = true
  const f = flight
  // After the current request's answer has been handed back, not inside it.
  setImmediate(() => {
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
