import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { describe, expect, it } from 'vitest'

import { newsroomPlugin } from '../../src/index'
import { clientAddress, normalizeAddress, rateLimitBucket } from '../../src/http/clientAddress'
import { appendForwardedFor } from '../../demo/http/forwardedFor'
import { readEnv } from '../../demo/env'

const xff = (value?: string) => new Headers(value === undefined ? {} : { 'x-forwarded-for': value })

describe('client address from X-Forwarded-For (Express semantics: walk from the right past trusted hops)', () => {
  it('trusting nothing, the client is the rightmost entry, which the server in front appended', () => {
    expect(clientAddress(xff('6.6.6.6, 7.7.7.7, 198.51.100.4'), 0)).toBe('198.51.100.4')
    expect(clientAddress(xff('198.51.100.4'), 0)).toBe('198.51.100.4')
    expect(clientAddress(xff(), 0)).toBe('unknown')
  })

  it('trusting n hops, the client is the entry n from the right (the leftmost when there are fewer)', () => {
    expect(clientAddress(xff('6.6.6.6, 203.0.113.7, 10.0.0.2'), 1)).toBe('203.0.113.7')
    expect(clientAddress(xff('6.6.6.6, 203.0.113.7, 10.0.0.2, 10.0.0.1'), 2)).toBe('203.0.113.7')
    expect(clientAddress(xff('203.0.113.7'), 3)).toBe('203.0.113.7')
  })

  it('trusting a list, the client is the first entry from the right that is not a trusted proxy', () => {
    const trust = ['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8']
    expect(clientAddress(xff('6.6.6.6, 203.0.113.7, 10.1.2.3, 127.0.0.1'), trust)).toBe('203.0.113.7')
    expect(clientAddress(xff('6.6.6.6, 203.0.113.7, ::ffff:127.0.0.1'), trust)).toBe('203.0.113.7')
    expect(clientAddress(xff('2001:db8::5, fd00::1, ::1'), trust)).toBe('2001:db8::5')
    // A forged entry beyond an untrusted hop does not count.
    expect(clientAddress(xff('10.9.9.9, 198.51.100.4'), trust)).toBe('198.51.100.4')
    expect(clientAddress(xff('10.9.9.9, 127.0.0.1'), trust)).toBe('10.9.9.9')
    expect(clientAddress(xff('not-an-ip, 127.0.0.1'), trust)).toBe('not-an-ip')
  })

  it('addresses are normalized; IPv6 clients are counted per /64', () => {
    expect(normalizeAddress(' ::FFFF:192.0.2.1 ')).toBe('192.0.2.1')
    expect(normalizeAddress('192.0.2.1:5678')).toBe('192.0.2.1')
    expect(normalizeAddress('[2001:DB8::1]:443')).toBe('2001:db8::1')
    expect(rateLimitBucket('192.0.2.1')).toBe('192.0.2.1')
    expect(rateLimitBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(rateLimitBucket('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64')
    expect(rateLimitBucket('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(rateLimitBucket('::1')).toBe('0:0:0:0::/64')
  })

  it('TRUST_PROXY and the plugin option are validated, naming the setting', () => {
    const env = (value: string) => readEnv({ TRUST_PROXY: value, PAYLOAD_SECRET: 'x'.repeat(32) }).TRUST_PROXY
    expect(env('')).toBe(0)
    expect(env('2')).toBe(2)
    expect(env('10.0.0.0/8, 127.0.0.1,::1')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1'])
    expect(() => env('nginx')).toThrow(/TRUST_PROXY: .*"nginx" is not an IP address/)
    expect(() => env('10.0.0.0/33')).toThrow(/TRUST_PROXY:/)
    const config = { secret: 'x'.repeat(32), db: {} as never, localization: { locales: ['sv', 'en'], defaultLocale: 'sv' } }
    expect(() => newsroomPlugin({ trustProxy: ['proxy.local'] })(config)).toThrow(/option "trustProxy.0"/)
    expect(() => newsroomPlugin({ trustProxy: -1 })(config)).toThrow(/option "trustProxy"/)
  })

  it('the server in front appends the peer to X-Forwarded-For and drops X-Real-IP, whatever the client sent', async () => {
    const seen: http.IncomingHttpHeaders[] = []
    const server = http.createServer((req, res) => {
      appendForwardedFor(req)
      seen.push({ ...req.headers })
      res.end()
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const { port } = server.address() as AddressInfo
    try {
      await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-forwarded-for': '6.6.6.6, 7.7.7.7', 'x-real-ip': '8.8.8.8' } })
      await fetch(`http://127.0.0.1:${port}/`)
    } finally {
      await new Promise((r) => server.close(r))
    }
    expect(seen[0]!['x-forwarded-for']).toBe('6.6.6.6, 7.7.7.7, 127.0.0.1')
    expect(seen[0]!['x-real-ip']).toBeUndefined()
    expect(seen[1]!['x-forwarded-for']).toBe('127.0.0.1')
    expect(clientAddress(new Headers({ 'x-forwarded-for': String(seen[0]!['x-forwarded-for']) }), 0)).toBe('127.0.0.1')
  })
})
