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

import { createSecurityHeaders } from '../http/securityHeaders'
import { closeUnreadRequests } from '../http/closeUnreadRequests'
import { appendForwardedFor } from '../http/forwardedFor'
import { isDecodablePath, undecodablePathMessage } from '../http/pathEncoding'
import { readEnv } from '../env'
import { createPublicCache, serveThroughCache } from '../publicCache'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const startedAt = performance.now()

let env
try {
  env = readEnv()
} catch (err) {
  console.error((err as Error).message)
  process.exit(1)
}

const SOURCES = ['app', 'collections', 'src', 'feeds', 'demo', 'payload.config.ts', 'proxy.ts', 'next.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.build.json']
const SKIP = new Set(['dist', 'node_modules'])

function sourceHash(): string {
  const hash = createHash('sha256')
  const walk = (p: string) => {
    const full = path.join(root, p)
    if (!fs.existsSync(full)) return
    const stat = fs.statSync(full)
    if (stat.isDirectory()) for (const name of fs.readdirSync(full).sort()) SKIP.has(name) || walk(path.join(p, name))
    else hash.update(p).update(fs.readFileSync(full))
  }
  SOURCES.forEach(walk)
  return hash.digest('hex')
}

const stamp = path.join(root, '.next', 'newsroom-source-hash')
const current = sourceHash()
if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID')) || (fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : '') !== current) {
  // The app imports the plugin through its package entry points, which point at the built files.
  console.log('Building the packages (tsc) and the admin (next build), once per source change…')
  for (const [cmd, args] of [['npm', ['run', 'build']], ['npx', ['next', 'build']]] as const) {
    const build = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
    if (build.status !== 0) process.exit(build.status ?? 1)
  }
  fs.writeFileSync(stamp, current)
}

Object.assign(process.env, { NODE_ENV: 'production' })
const { default: next } = await import('next')
const app = next({ dev: false, dir: root, hostname: env.HOST, port: env.PORT })
await app.prepare()
const handle = app.getRequestHandler()

// How this process reaches itself (the cache's origin, the start-up check): the bound address, or loopback when bound to all.
const self = `http://${['0.0.0.0', '::'].includes(env.HOST) ? '127.0.0.1' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${env.PORT}`
/**
 * The public pages are cached too (anonymous visitors only, see demo/publicCache.ts): every path
 * but the API, the admin, Next's files and the preview route (which sets draft mode).
 */
const isPublicPage = (p: string) => !/^\/(api|admin|_next)(\/|$)/.test(p) && p !== '/preview'
const securityHeaders = createSecurityHeaders({ serverURL: env.SERVER_URL })
// A cache hit sends the headers stored with its entry, security headers (and a page's CSP with the
// nonce of its render) included: its fill went through here. So they are set only for what Next
// answers and for the cache's other answers, not again (with a nonce that is thrown away) on each hit.
const cache = createPublicCache({ origin: self, pages: isPublicPage, decorate: securityHeaders })
const serve = serveThroughCache(cache, (req, res) => {
  securityHeaders(req, res)
  void handle(req, res)
})
const server = http.createServer((req, res) => {
  if (!isDecodablePath(req.url ?? '/')) return void res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(undecodablePathMessage)
  // The rightmost X-Forwarded-For entry is the peer, whatever the client sent (TRUST_PROXY decides what else counts).
  appendForwardedFor(req)
  // A request answered before its body was read (413) must not hold its connection open.
  closeUnreadRequests(req, res)
  serve(req, res)
})
// Longer than the idle timeout of proxies and HTTP clients, so they never reuse a connection we are closing.
server.keepAliveTimeout = 65_000
server.headersTimeout = 66_000
await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve))

// The first API request starts Payload inside Next: migrations, seeding and job crons run now, not on a visitor's request.
const health = await fetch(`${self}/api/newsroom/health`)
if (!health.ok) {
  console.error(`Payload did not start: ${health.status} ${await health.text()}`)
  process.exit(1)
}
console.log(`Newsroom ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s: admin ${env.SERVER_URL}/admin · API ${env.SERVER_URL}/api · listening on ${env.HOST}:${env.PORT}`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
