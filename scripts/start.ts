/**
 * `npm start`: builds the admin when the sources changed since the last build, then serves the
 * admin (/admin), REST and GraphQL (/api) from one Node process on PORT. Payload is started
 * right away (migrations, first-start seed, scheduled-publish jobs) rather than on the first request.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { isDecodablePath, undecodablePathMessage } from '../src/guard/pathEncoding'
import { readEnv } from '../src/runtime/env'
import { createPublicCache } from '../src/runtime/publicCache'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const startedAt = performance.now()

let env
try {
  env = readEnv()
} catch (err) {
  console.error((err as Error).message)
  process.exit(1)
}

const SOURCES = ['app', 'collections', 'src', 'feeds', 'migrations', 'payload.config.ts', 'next.config.mjs', 'package-lock.json']

function sourceHash(): string {
  const hash = createHash('sha256')
  const walk = (p: string) => {
    const full = path.join(root, p)
    if (!fs.existsSync(full)) return
    const stat = fs.statSync(full)
    if (stat.isDirectory()) for (const name of fs.readdirSync(full).sort()) walk(path.join(p, name))
    else hash.update(p).update(fs.readFileSync(full))
  }
  SOURCES.forEach(walk)
  return hash.digest('hex')
}

const stamp = path.join(root, '.next', 'newsroom-source-hash')
const current = sourceHash()
if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID')) || (fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : '') !== current) {
  console.log('Building the admin (next build), once per source change…')
  const build = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (build.status !== 0) process.exit(build.status ?? 1)
  fs.writeFileSync(stamp, current)
}

Object.assign(process.env, { NODE_ENV: 'production' })
const { default: next } = await import('next')
const app = next({ dev: false, dir: root, hostname: '0.0.0.0', port: env.PORT })
await app.prepare()
const handle = app.getRequestHandler()

const cache = createPublicCache({ origin: `http://127.0.0.1:${env.PORT}` })
const server = http.createServer((req, res) => {
  if (!isDecodablePath(req.url ?? '/')) return void res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(undecodablePathMessage)
  const answered = cache.handle(req, res)
  if (answered === true) return
  if (answered === false) return void handle(req, res)
  answered.then(
    (done) => void (done || handle(req, res)),
    (err) => {
      console.error('public cache:', err) // fall through to Next
      void handle(req, res)
    },
  )
})
// Longer than the idle timeout of proxies and HTTP clients, so they never reuse a connection we are closing.
server.keepAliveTimeout = 65_000
server.headersTimeout = 66_000
await new Promise<void>((resolve) => server.listen(env.PORT, resolve))

// The first API request starts Payload inside Next: migrations, seeding and job crons run now, not on a visitor's request.
const health = await fetch(`http://127.0.0.1:${env.PORT}/api/newsroom/health`)
if (!health.ok) {
  console.error(`Payload did not start: ${health.status} ${await health.text()}`)
  process.exit(1)
}
console.log(`Newsroom ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s: admin ${env.SERVER_URL}/admin · API ${env.SERVER_URL}/api · port ${env.PORT}`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
