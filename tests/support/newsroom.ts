import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { getPayload, type Payload } from 'payload'

import { createConfig } from '../../payload.config'
import { readEnv } from '../../demo/env'
import { freshDatabaseUrl } from './database'
import { serveApi } from './server'

export type TestNewsroom = {
  databaseUrl: string
  payload: Payload
  baseUrl: string
  /** Logs in over REST and returns the Authorization header value. */
  login: (email: string, password: string) => Promise<string>
  /** Creates a user through the Local API and returns its REST Authorization header. */
  editor: (role?: 'admin' | 'editor') => Promise<string>
  close: () => Promise<void>
}

let users = 0

/** Boots the real newsroom config (migrations included) on a fresh database and serves it over HTTP. */
export async function startNewsroom(extraEnv: Record<string, string> = {}, opts: { key?: string } = {}): Promise<TestNewsroom> {
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-media-'))
  const env = readEnv({
    DATABASE_URL: extraEnv.DATABASE_URL ?? (await freshDatabaseUrl()),
    PAYLOAD_SECRET: 'test-secret-0123456789abcdef',
    SERVER_URL: 'http://newsroom.test',
    MEDIA_DIR: mediaDir,
    SEED: 'false',
    RUN_JOBS: 'false',
    ...extraEnv,
  })
  const config = createConfig(env)
  const payload = await getPayload({ config, key: opts.key })
  const api = await serveApi(config, opts.key)
  const login = async (email: string, password: string) => {
    const res = await fetch(`${api.baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`)
    return `JWT ${((await res.json()) as { token: string }).token}`
  }
  return {
    databaseUrl: env.DATABASE_URL,
    payload,
    baseUrl: api.baseUrl,
    login,
    editor: async (role = 'editor') => {
      const email = `${role}${++users}@example.se`
      await payload.create({ collection: 'users', data: { email, password: 'hemligt-lösenord', roles: [role] } as never })
      return login(email, 'hemligt-lösenord')
    },
    close: async () => {
      await api.close()
      await payload.destroy()
      fs.rmSync(mediaDir, { recursive: true, force: true })
    },
  }
}
