import net from 'node:net'

import { z } from 'zod'

/**
 * Which proxies in front of the app may be believed: a number of hops (0 = none: the client is
 * the peer that connected), or a list of proxy addresses and CIDR ranges.
 */
export type TrustProxy = number | string[]

/** `::ffff:1.2.3.4` → `1.2.3.4`; `1.2.3.4:567` and `[::1]:567` lose their port; brackets go. */
export function normalizeAddress(raw: string): string {
  let a = raw.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a)
  if (bracketed) a = bracketed[1]!
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'))
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(a)
  return (mapped ? mapped[1]! : a).toLowerCase()
}

const isCidr = (entry: string) => {
  const [address, bits, ...rest] = entry.split('/')
  if (rest.length || !address || !net.isIP(address)) return false
  if (bits === undefined) return true
  const max = net.isIPv4(address) ? 32 : 128
  return /^\d+$/.test(bits) && Number(bits) <= max
}

/** The zod schema of the option (a bad entry stops start-up with a message naming it). */
export const trustProxySchema = z.union([
  z.number().int().min(0).max(100),
  z.array(z.string().trim().refine(isCidr, { error: (i) => `"${String(i.input)}" is not an IP address or CIDR range (e.g. 10.0.0.0/8)` })),
])

/** `TRUST_PROXY` as written in the environment: empty or `0` = none, a whole number of hops, or a comma-separated list. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim()
  if (v === '') return 0
  if (/^\d+$/.test(v)) return Number(v)
  return v.split(',').map((s) => s.trim()).filter(Boolean)
}

function trustedList(entries: string[]): net.BlockList {
  const list = new net.BlockList()
  for (const entry of entries) {
    const [raw, bits] = entry.split('/')
    const address = normalizeAddress(raw!)
    const type = net.isIPv4(address) ? 'ipv4' : 'ipv6'
    if (bits === undefined) list.addAddress(address, type)
    else list.addSubnet(address, Number(bits), type)
  }
  return list
}

const lists = new WeakMap<string[], net.BlockList>()

/**
 * The client's address from `X-Forwarded-For`, read the way Express reads it: the server in front
 * (demo/scripts/start.ts, or nginx's `proxy_add_x_forwarded_for`) APPENDS the address of the peer that
 * connected to it, so the rightmost entry is always true; entries further left were written by
 * whoever sent them. Walking from the right, trusted hops are skipped: with `trust` 0 the client
 * is the rightmost entry, with 1 the one before it, with a list the first entry not in the list.
 * When every entry is trusted, the leftmost is the client. No header at all: `fallback`.
 */
export function clientAddress(headers: Headers, trust: TrustProxy, fallback = 'unknown'): string {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map(normalizeAddress)
    .filter(Boolean)
  if (!chain.length) return fallback
  if (typeof trust === 'number') return chain[Math.max(0, chain.length - 1 - trust)]!
  let list = lists.get(trust)
  if (!list) lists.set(trust, (list = trustedList(trust)))
  for (let i = chain.length - 1; i > 0; i--) {
    const a = chain[i]!
    const type = net.isIPv4(a) ? 'ipv4' : net.isIPv6(a) ? 'ipv6' : null
    if (!type || !list.check(a, type)) return a
  }
  return chain[0]!
}

/**
 * The key an address is counted under by rate limits: an IPv4 address as it is, an IPv6 address
 * by its /64 network (one household or server gets a whole /64 and could rotate through it).
 */
export function rateLimitBucket(address: string): string {
  if (!net.isIPv6(address)) return address
  const [head, tail = ''] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`
}
