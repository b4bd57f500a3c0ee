/**
 * `npm run digest -- --frequency daily|weekly [--period daily:2026-11-24]`: runs the newsletter digest
 * now (DATABASE_URL, SMTP_URL). Safe beside the scheduled job and to re-run: each subscriber gets at
 * most one mail per period.
 */
import { runDigest } from 'payload-plugin-newsroom'
import { arg, withPayload } from './withPayload'

const frequency = arg('frequency') ?? 'daily'
if (frequency !== 'daily' && frequency !== 'weekly') {
  console.error('--frequency must be daily or weekly')
  process.exit(2)
}

withPayload(async (payload) => {
  console.log(JSON.stringify(await runDigest(payload, { frequency, period: arg('period') })))
})
