/**
 * `npm run export -- --out DIR [--from 2026-01-01] [--to 2026-12-31]`: writes the e-archive export
 * (every published version as JSON and HTML, media, audit log, manifest with SHA-256) into DIR.
 */
import { exportRecordsToDir } from 'payload-plugin-newsroom'
import { arg, withPayload } from './withPayload'

const out = arg('out')
const date = (name: 'from' | 'to') => {
  const raw = arg(name)
  if (!raw) return undefined
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T${name === 'to' ? '23:59:59.999' : '00:00:00.000'}Z` : raw)
  if (Number.isNaN(d.getTime())) {
    console.error(`--${name}: "${raw}" is not a date such as 2026-04-20`)
    process.exit(2)
  }
  return d
}
if (!out) {
  console.error('usage: npm run export -- --out DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD]')
  process.exit(2)
}
const range = { from: date('from'), to: date('to') }

withPayload(async (payload) => {
  const files = await exportRecordsToDir(payload, out, range)
  const bytes = files.reduce((n, f) => n + f.bytes, 0)
  console.log(`Exported ${files.length} files (${(bytes / 1024).toFixed(1)} KiB) to ${out}; manifest.json lists each with its SHA-256`)
})
