/**
 * Writes a new migration for both SQL dialects from the current config:
 *   npm run migrate:create -- <name>
 * SQLite needs only a scratch file; PostgreSQL a throwaway server (Debian's binaries).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { startPostgres } from '../../tests/support/postgres'

const name = process.argv[2] ?? 'change'
const run = (databaseUrl: string) =>
  execFileSync('npm', ['run', 'payload', '--', 'migrate:create', name], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl, SEED: 'false', RUN_JOBS: 'false' },
  })

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-mig-'))
run(`file:${path.join(scratch, 'mig.db')}`)
fs.rmSync(scratch, { recursive: true, force: true })

const pg = await startPostgres()
try {
  pg.createDatabase('migrations')
  run(pg.url('migrations'))
} finally {
  pg.stop()
}
