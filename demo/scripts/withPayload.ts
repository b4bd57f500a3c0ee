import { getPayload, type Payload } from 'payload'

import { createConfig } from '../../payload.config'
import { readEnv } from '../env'

/** `--name value` or `--name=value` from the command line. */
export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  if (i >= 0) return process.argv[i + 1]
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
}

/**
 * Runs a command-line task against the database named by DATABASE_URL (no seeding, no job crons),
 * then exits. No top-level await in scripts: a module still evaluating while Payload imports
 * lazily can leave Node 20 waiting forever (silent exit 13).
 */
export function withPayload(task: (payload: Payload) => Promise<void>) {
  getPayload({ config: createConfig(readEnv({ ...process.env, SEED: 'false', RUN_JOBS: 'false' })) })
    .then(async (payload) => {
      await task(payload)
      await payload.destroy()
    })
    .then(
      () => process.exit(0),
      (err) => {
        console.error(err)
        process.exit(1)
      },
    )
}
