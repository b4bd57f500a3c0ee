import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseUnavailable, testDatabase } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

type Answer = { status: number; body: unknown; retryAfter: string | null; ms: number }

/**
 * Logins as a visitor makes them: REST (and GraphQL) through the test server, from a client
 * address given in X-Forwarded-For (its last entry is the client when no proxy is trusted).
 */
describe.skipIf(databaseUnavailable())('login throttle instead of an account lock', () => {
  let n: TestNewsroom
  const REAL = { email: 'redaktor@example.se', password: 'rätt-lösenord-123' }
  let addressCounter = 0
  const address = () => `198.51.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`

  const login = async (email: string, password: string, from: string): Promise<Answer> => {
    const started = performance.now()
    const res = await fetch(`${n.baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ email, password }),
    })
    const body = await res.json()
    return { status: res.status, body, retryAfter: res.headers.get('retry-after'), ms: performance.now() - started }
  }
  /** What a client sees, but the seconds to wait: they count down, so two answers a moment apart may differ by one (checked on their own). */
  const shape = (a: Answer) => ({ status: a.status, body: JSON.parse(JSON.stringify(a.body).replace(/("retryAfter":)\d+/g, '$1"n"').replace(/\b(om|in) \d+ s\b/g, '$1 n s')) })
  const settings = () => (n.payload.config.custom as { newsroom: { login: Record<string, number> } }).newsroom.login

  beforeAll(async () => {
    n = await startNewsroom()
    await n.payload.create({ collection: 'users', data: { ...REAL, roles: ['editor'] } as never })
    // Long enough that the steps of a test always fall inside the first wait (the default is 1 s).
    settings().delaySeconds = 3
  })
  afterAll(async () => {
    await n?.close()
  })

  it('wrong passwords from one address do not keep the real user out from another', async () => {
    const attacker = address()
    const answers: Answer[] = []
    for (let i = 0; i < 8; i++) answers.push(await login(REAL.email, `fel-${i}`, attacker))

    const real = await login(REAL.email, REAL.password, address())
    expect(real.status).toBe(200)
    expect((real.body as { user: { email: string } }).user.email).toBe(REAL.email)

    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401])
    // After five failures the attacker has to wait (growing), rather than the account being locked.
    expect(answers.slice(5).map((a) => a.status)).toEqual([429, 429, 429])
    expect(Number(answers[5]!.retryAfter)).toBeGreaterThanOrEqual(1)

    // The attacker's address waits for this account even with the right password; after the wait it may try again.
    expect((await login(REAL.email, REAL.password, attacker)).status).toBe(429)
    await new Promise((r) => setTimeout(r, Number(answers[7]!.retryAfter) * 1000 + 100))
    expect((await login(REAL.email, REAL.password, attacker)).status).toBe(200)
  })

  it('GraphQL logins are throttled the same way', async () => {
    const from = address()
    const gql = (password: string) =>
      fetch(`${n.baseUrl}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
        body: JSON.stringify({ query: `mutation { loginUser(email: "${REAL.email}", password: "${password}") { token } }` }),
      }).then((r) => r.json() as Promise<{ errors?: { message: string; extensions?: { statusCode?: number } }[]; data?: unknown }>)
    for (let i = 0; i < 5; i++) expect((await gql(`fel-${i}`)).errors?.[0]?.extensions?.statusCode).toBe(401)
    const refused = await gql(REAL.password)
    expect(refused.errors?.[0]?.extensions?.statusCode).toBe(429)
    // The same account from the REST side of another address is untouched.
    expect((await login(REAL.email, REAL.password, address())).status).toBe(200)
  })

  it('an unknown account and a wrong password get the same answers, also after many tries', async () => {
    const existing: Answer[] = []
    const unknown: Answer[] = []
    const fromA = address()
    const fromB = address()
    for (let i = 0; i < 7; i++) {
      existing.push(await login(REAL.email, `fel-${i}`, fromA))
      unknown.push(await login('finns-inte@example.se', `fel-${i}`, fromB))
    }
    expect(existing.map(shape)).toEqual(unknown.map(shape))
    existing.forEach((a, i) => expect(Math.abs(Number(a.retryAfter ?? 0) - Number(unknown[i]!.retryAfter ?? 0))).toBeLessThanOrEqual(1))
    expect(existing[0]).toMatchObject({ status: 401, body: { errors: [{ message: expect.stringMatching(/incorrect|felaktig/i) }] } })
    expect(existing[6]!.status).toBe(429)
    // Nothing about the account (locked or not) leaks: the real user still logs in from elsewhere.
    expect((await login(REAL.email, REAL.password, address())).status).toBe(200)
  })

  it('an account Payload locked before the throttle took over answers like any other, and logs in', async () => {
    const lockUntil = new Date(Date.now() + 10 * 60_000).toISOString()
    await n.payload.db.updateOne({ collection: 'users', where: { email: { equals: REAL.email } }, data: { lockUntil, loginAttempts: 5 } })
    const locked = await login(REAL.email, 'fel', address())
    const unknown = await login('finns-inte-heller@example.se', 'fel', address())
    expect(shape(locked)).toEqual(shape(unknown))
    expect((await login(REAL.email, REAL.password, address())).status).toBe(200)
  })

  it('one address gets 429 with Retry-After after ipLimit failed attempts, whatever accounts it tries', async () => {
    const from = address()
    const limit = settings().ipLimit!
    expect(limit).toBe(30)
    const statuses: number[] = []
    // Different accounts, so the per-account wait never applies; a few at a time.
    for (let i = 0; i < limit; i += 5) {
      const batch = await Promise.all([0, 1, 2, 3, 4].map((k) => login(`gissning-${i + k}@example.se`, 'fel', from)))
      statuses.push(...batch.map((a) => a.status))
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(limit)
    const over = await login('gissning-x@example.se', 'fel', from)
    expect(over.status).toBe(429)
    expect(Number(over.retryAfter)).toBeGreaterThan(0)
    expect(Number(over.retryAfter)).toBeLessThanOrEqual(settings().ipWindowSeconds!)
    expect((over.body as { errors: { message: string }[] }).errors[0]!.message).toMatch(/too many login attempts|för många inloggningsförsök/i)
    // Even the right password: the address is over its limit.
    expect((await login(REAL.email, REAL.password, from)).status).toBe(429)
    // Another address is not affected.
    expect((await login(REAL.email, REAL.password, address())).status).toBe(200)
  })

  it('the throttle counters are not readable through the API, not even by an admin; they hold no address or e-mail', async () => {
    const admin = await n.editor('admin')
    expect((await login(REAL.email, 'fel', address())).status).toBe(401)
    for (const headers of [{}, { authorization: admin }] as Record<string, string>[]) {
      expect((await fetch(`${n.baseUrl}/api/login-attempts`, { headers })).status).toBe(403)
    }
    const rows = await n.payload.db.find({ collection: 'login-attempts', limit: 1000, pagination: false })
    expect(rows.docs.length).toBeGreaterThan(0)
    expect(JSON.stringify(rows.docs)).not.toMatch(/198\.51\.|@example\.se/)
  })

  it('measures unknown, wrong-password and throttled answers (median of 20 each; reported, not asserted)', async () => {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    const wrong: number[] = []
    const unknown: number[] = []
    const throttled: number[] = []
    const slow = address()
    settings().delaySeconds = 600
    for (let i = 0; i < 5; i++) await login(REAL.email, `fel-${i}`, slow)
    for (let i = 0; i < 20; i++) {
      wrong.push((await login(REAL.email, 'fel', address())).ms)
      unknown.push((await login(`okand-${i}@example.se`, 'fel', address())).ms)
      const t = await login(REAL.email, 'fel', slow)
      expect(t.status).toBe(429)
      throttled.push(t.ms)
    }
    console.log(
      `[login timing, ${testDatabase}] median of 20: unknown ${median(unknown).toFixed(1)} ms, wrong password ${median(wrong).toFixed(1)} ms, throttled ${median(throttled).toFixed(1)} ms`,
    )
  })
})

describe.skipIf(databaseUnavailable())('the login cookie follows SERVER_URL', () => {
  it('is Secure (and HttpOnly) when SERVER_URL is https, not when it is http', async () => {
    for (const [url, secure] of [
      ['https://nyhetsrum.example.se', true],
      ['http://nyhetsrum.example.se', false],
    ] as const) {
      const n = await startNewsroom({ SERVER_URL: url }, { key: `cookie-${secure}` })
      try {
        await n.payload.create({ collection: 'users', data: { email: 'kaka@example.se', password: 'kak-lösenord-1', roles: ['editor'] } as never })
        const res = await fetch(`${n.baseUrl}/api/users/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'kaka@example.se', password: 'kak-lösenord-1' }),
        })
        expect(res.status).toBe(200)
        const cookie = res.headers.getSetCookie().find((c) => c.startsWith('payload-token='))!
        expect(cookie).toMatch(/;\s*HttpOnly/i)
        if (secure) expect(cookie).toMatch(/;\s*Secure/i)
        else expect(cookie).not.toMatch(/;\s*Secure/i)
      } finally {
        await n.close()
      }
    }
  })
})
