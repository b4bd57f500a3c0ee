import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { isIP } from 'node:net'
import path from 'node:path'

import { z } from 'zod'

import { parseTrustProxy, trustProxySchema } from 'payload-plugin-newsroom/http'

const databaseUrl = z
  .string()
  .refine((v) => /^(file:|postgres(ql)?:\/\/|mongodb(\+srv)?:\/\/)/.test(v), 'must start with file:, postgres://, postgresql:// or mongodb://')
  .refine((v) => v.startsWith('file:') || URL.canParse(v), 'is not a valid URL')

const envSchema = z.object({
  DATABASE_URL: databaseUrl.default('file:./data/newsroom.db'),
  SERVER_URL: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }).default('http://localhost:3000'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Address `npm start` listens on: loopback by default (behind a proxy on the same host); `0.0.0.0` or `::` for every interface. */
  HOST: z
    .string()
    .refine((v) => isIP(v) !== 0 || /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(v), 'must be an IP address or a host name, e.g. 127.0.0.1 or 0.0.0.0')
    .default('127.0.0.1'),
  PAYLOAD_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.email().default('nyhetsrum@localhost'),
  MAIL_FROM_NAME: z.string().default('Nyhetsrummet'),
  MEDIA_DIR: z.string().default('media'),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  SEED: z.enum(['true', 'false']).default('true'),
  RUN_JOBS: z.enum(['true', 'false']).default('true'),
  /** Proxies in front whose X-Forwarded-For entries count: empty/0 = none, a number of hops, or addresses/CIDRs, comma-separated. */
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const parsed = trustProxySchema.safeParse(parseTrustProxy(v))
      if (parsed.success) return parsed.data
      ctx.addIssue({ code: 'custom', message: `must be a number of hops or comma-separated addresses/CIDRs: ${parsed.error.issues[0]?.message}` })
      return z.NEVER
    }),
  /** Origins whose pages may call the listing, items, feeds and sign-up from the browser (CORS), comma-separated. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean)),
})

export type AppEnv = z.output<typeof envSchema> & { PAYLOAD_SECRET: string }

/** Reads and checks the environment; a bad value stops start-up with a message naming the variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): AppEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
  const result = envSchema.safeParse(cleaned)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const env = result.data
  return { ...env, PAYLOAD_SECRET: env.PAYLOAD_SECRET ?? localSecret(env.DATABASE_URL) }
}

/**
 * Without PAYLOAD_SECRET, a random secret is made once and kept next to the SQLite file, so a
 * fresh clone runs with no setup and logins survive restarts. Servers should set PAYLOAD_SECRET.
 */
function localSecret(databaseUrl: string): string {
  const dir = databaseUrl.startsWith('file:') ? path.dirname(databaseUrl.slice('file:'.length)) : 'data'
  const file = path.resolve(dir, '.payload-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const secret = randomBytes(32).toString('hex')
    fs.writeFileSync(file, secret, { mode: 0o600 })
    return secret
  }
}
