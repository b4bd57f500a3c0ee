import { ODD_BOOLEANS, ODD_NUMBERS, ODD_STRINGS, oddScalar } from './hostileValues'
import type { Random } from './random'

const OPERATORS = [
  'equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'greater_than', 'greater_than_equal', 'less_than',
  'less_than_equal', 'like', 'not_like', 'contains', 'within', 'intersects', 'near',
]
const ODD_OPERATORS = ['foo', 'EQUALS', 'equals ', '$where', '__proto__', '', 'constructor', 'in[]']
const ODD_PATHS = ['nosuchfield', '__proto__', 'constructor', 'a..b', '', '.', 'title.sv', 'title.xx', 'id.id', 'topics.nosuch', '_id', 'version', 'version._status', '\u0000', 'title\u0000', 'and', 'OR']

/** A `where` of conditions on the given paths: nested and/or, unknown operators, values of every shape. */
export function randomWhere(r: Random, paths: readonly string[], depth = 0): Record<string, unknown> {
  if (depth < 12 && r.chance(depth === 0 ? 0.35 : 0.2)) {
    const key = r.pick(['and', 'or', 'AND', 'Or'])
    return { [key]: r.chance(0.1) ? oddScalar(r) : Array.from({ length: 1 + r.int(3) }, () => randomWhere(r, paths, depth + 1)) }
  }
  const path = r.chance(0.85) ? r.pick(paths) : r.pick(ODD_PATHS)
  if (r.chance(0.05)) return { [path]: oddScalar(r) }
  const operator = r.chance(0.92) ? r.pick(OPERATORS) : r.pick(ODD_OPERATORS)
  return { [path]: { [operator]: randomOperand(r, paths, depth) } }
}

function randomOperand(r: Random, paths: readonly string[], depth: number): unknown {
  return r.weighted([
    [6, () => oddScalar(r)],
    [2, () => Array.from({ length: r.int(4) }, () => oddScalar(r))],
    [1, () => r.pick(ODD_NUMBERS).split('').join(',')],
    [1, () => ({ [r.pick(['relationTo', 'value', 'x'])]: oddScalar(r) })],
    [depth < 3 ? 1 : 0, () => randomWhere(r, paths, depth + 1)],
    [1, () => Array.from({ length: 1 + r.int(1500) }, (_, i) => String(i)).join(',')],
  ] as const)()
}

/** encodeURIComponent, except that a lone surrogate is sent as the (invalid) UTF-8 bytes of its code point. */
export function pct(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const pair = c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    if (pair) out += encodeURIComponent(s.slice(i, ++i + 1))
    else out += c >= 0xd800 && c <= 0xdfff ? '%ED%A0%80' : encodeURIComponent(s[i]!)
  }
  return out
}

/** Serializes like qs (brackets), with the variations clients send: encoded or raw brackets, `[]` or indexed arrays. */
export function toQuery(r: Random, value: Record<string, unknown>): string {
  const raw = r.chance(0.3)
  const enc = (s: string) => (raw ? pct(s).replace(/%5B/g, '[').replace(/%5D/g, ']').replace(/%2C/g, ',') : pct(s))
  const key = (s: string) => (raw ? pct(s).replace(/%5B/g, '[').replace(/%5D/g, ']') : pct(s))
  const parts: string[] = []
  const walk = (prefix: string, v: unknown) => {
    if (Array.isArray(v)) {
      const style = r.int(3)
      if (style === 2 && v.every((x) => typeof x !== 'object')) parts.push(`${key(prefix)}=${enc(v.join(','))}`)
      else v.forEach((item, i) => walk(style === 0 ? `${prefix}[]` : `${prefix}[${i}]`, item))
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) walk(`${prefix}[${k}]`, item)
    } else parts.push(`${key(prefix)}=${enc(String(v))}`)
  }
  for (const [k, v] of Object.entries(value)) walk(k, v)
  return parts.join('&')
}

/** Query parameters of Payload's REST reads, with odd values. */
export function payloadListQuery(r: Random, paths: readonly string[]): string {
  const params: Record<string, unknown> = {}
  if (r.chance(0.6)) params.where = r.chance(0.15) ? JSON.stringify(randomWhere(r, paths)) : randomWhere(r, paths)
  if (r.chance(0.4)) params.limit = r.chance(0.8) ? r.pick(ODD_NUMBERS) : [oddScalar(r)]
  if (r.chance(0.3)) params.page = r.pick(ODD_NUMBERS)
  if (r.chance(0.3)) params.sort = r.chance(0.7) ? `${r.pick(['', '-'])}${r.chance(0.8) ? r.pick(paths) : oddScalar(r)}` : [r.pick(paths), oddScalar(r)]
  if (r.chance(0.3)) params.depth = r.pick(ODD_NUMBERS)
  if (r.chance(0.2)) params.select = { [r.chance(0.8) ? r.pick(paths) : oddScalar(r)]: r.pick([...ODD_BOOLEANS, 'abc']) }
  if (r.chance(0.1)) params.populate = { [r.pick(['topics', 'media', 'news', oddScalar(r)])]: { [r.pick(paths)]: r.pick(ODD_BOOLEANS) } }
  if (r.chance(0.2)) params.draft = r.pick(ODD_BOOLEANS)
  if (r.chance(0.2)) params.locale = r.pick(['sv', 'en', 'all', 'xx', '', '*', oddScalar(r)])
  if (r.chance(0.1)) params['fallback-locale'] = r.pick(['none', 'sv', 'xx', oddScalar(r)])
  if (r.chance(0.1)) params.trash = r.pick(ODD_BOOLEANS)
  if (r.chance(0.15)) params.pagination = r.pick(ODD_BOOLEANS)
  if (r.chance(0.05)) params.joins = r.chance(0.5) ? oddScalar(r) : { [oddScalar(r)]: { limit: r.pick(ODD_NUMBERS), where: randomWhere(r, paths) } }
  if (r.chance(0.05)) params.data = r.chance(0.5) ? '{"a":' : JSON.stringify({ [r.pick(paths)]: oddScalar(r) })
  let query = toQuery(r, params)
  if (r.chance(0.1)) query += `&${r.pick(RAW_QUERIES)}`
  return query
}

/** Query strings no serializer writes. */
export const RAW_QUERIES = [
  '%', '%%%', '%E0%A4%A', '&&&', '=', '==x', 'limit=1&limit=2', 'where[a][b][c][d][e][f][g][h][i][j][k][l]=1',
  'where[or][1001][title][equals]=x', 'where[title][equals]', 'where[]=x', 'where=' + encodeURIComponent('{"and":' + '['.repeat(200) + ']'.repeat(200) + '}'),
  'where=' + encodeURIComponent('{"or":[' + Array.from({ length: 3000 }, (_, i) => `{"id":{"equals":${i}}}`).join(',') + ']}'),
  `q=${'%FF'.repeat(50)}`, 'locale[]=sv', 'depth[]=1', 'sort=' + 'a,'.repeat(500), 'select=abc', 'joins=abc',
  '__proto__[x]=1', 'constructor[prototype][x]=1', 'where[__proto__][equals]=1',
]

/** Parameters of the newsroom's own endpoints (and some they do not know), with odd values. */
export function newsroomQuery(r: Random, topicSlugs: readonly string[]): string {
  const names = ['type', 'category', 'q', 'from', 'to', 'upcoming', 'locale', 'limit', 'cursor', 'token', 'topic', 'status', 'search', 'where', 'frequency', 'email', 'topics', 'format', 'page']
  const params: Record<string, unknown> = {}
  for (const name of r.some(names, 5)) {
    params[name] = r.weighted([
      [4, () => oddScalar(r)],
      [2, () => (name === 'category' || name === 'topic' ? r.pick(topicSlugs) : name === 'type' ? r.pick(['news', 'events', 'press', 'news,events', 'x']) : oddScalar(r))],
      [1, () => [oddScalar(r), oddScalar(r)]],
      [1, () => ({ [oddScalar(r)]: oddScalar(r) })],
      [name === 'where' ? 3 : 0, () => randomWhere(r, ['email', 'status', 'topics', 'id', 'createdAt', 'locale'])],
      [name === 'token' || name === 'cursor' ? 2 : 0, () => r.pick(['A'.repeat(43), 'a-b_c'.repeat(9), 'x', '\u0000'.repeat(30), 'Zm9v.YmFy', ''])],
    ] as const)()
  }
  let query = toQuery(r, params)
  if (r.chance(0.05)) query += `&${r.pick(RAW_QUERIES)}`
  if (r.chance(0.02)) query = `q=${r.pick(ODD_STRINGS)}#frag`
  return query
}
