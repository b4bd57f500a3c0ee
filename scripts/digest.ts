/**
 * `npm run digest -- --frequency daily|weekly [--period daily:2026-11-24]`: runs the newsletter digest
 * now (DATABASE_URL, SMTP_URL). Safe beside the scheduled job and to re-run: each subscriber gets at
 * most one mail per period.
 */
import { getPayload } from 'payload'

import { createConfig } from '../payload.config'
import { runDigest } from '../src/newsletter/digest'
import { readEnv } from '../src/runtime/env'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  if (i >= 0) return process.argv[i + 1]
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
}

async function main() {
  const frequency = arg('frequency') ?? 'daily'
  if (frequency !== 'daily' && frequency !== 'weekly') throw new Error('--frequency must be daily or weekly')
  const period = arg('period')
  const payload = await getPayload({ config: createConfig(readEnv({ ...process.env, SEED: 'false', RUN_JOBS: 'false' })) })
  const result = await runDigest(payload, { frequency, period })
  console.log(JSON.stringify(result))
  await payload.destroy()
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
