import { z } from 'zod'

/**
 * `login` option of the plugin: the throttle that replaces Payload's account lock on every auth
 * collection. Counted per client address, and per address and account, in the database.
 */
export const loginOptionsSchema = z
  .object({
    /** false: leave Payload's own `maxLoginAttempts`/`lockTime` lock as configured. @default true */
    throttle: z.boolean().default(true),
    /** Failed (or still running) login attempts one client address may make per window; more get 429. @default 30 */
    ipLimit: z.number().int().min(1).default(30),
    /** Window of `ipLimit` in seconds. @default 600 */
    ipWindowSeconds: z.number().int().min(1).default(600),
    /** Failed attempts from one address for one account before each next one has to wait. @default 5 */
    freeFailures: z.number().int().min(0).default(5),
    /** Wait after the first failure over `freeFailures`; it doubles with every further failure. @default 1 */
    delaySeconds: z.number().min(0).default(1),
    /** Longest wait between two attempts from one address for one account. @default 600 */
    maxDelaySeconds: z.number().min(0).default(600),
    /** How long a failure is remembered (a successful login from that address forgets them at once). @default 3600 */
    failureWindowSeconds: z.number().int().min(1).default(3600),
  })
  .prefault({})

export type LoginOptions = z.output<typeof loginOptionsSchema>
