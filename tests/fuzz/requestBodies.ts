import type { FlattenedField } from 'payload'

import { deepJson, ODD_DATES, ODD_NUMBERS, ODD_STRINGS, oddJson, oddScalar } from './hostileValues'
import type { Random } from './random'

export type FuzzBody = { contentType?: string; body?: string | Uint8Array }

/** Ids that exist (from the fixtures), some that do not, and some that cannot. */
export type IdPool = { known: (string | number)[] }

function oddId(r: Random, ids: IdPool): unknown {
  return r.weighted([
    [4, () => r.pick(ids.known)],
    [2, () => Number(r.pick(ODD_NUMBERS.filter((n) => Number.isFinite(Number(n))))) || 0],
    [2, () => oddScalar(r)],
    [1, () => ({ relationTo: r.pick(['news', 'events', 'press', 'topics', 'x']), value: r.pick(ids.known) })],
  ] as const)()
}

/** A value for a field: usually of its type, often of another. */
export function fieldValue(r: Random, field: FlattenedField, ids: IdPool, depth = 0): unknown {
  if (r.chance(0.15)) return oddJson(r)
  const many = 'hasMany' in field && field.hasMany
  const one = (): unknown => {
    switch (field.type) {
      case 'text':
      case 'textarea':
      case 'email':
      case 'code':
        return field.type === 'email' && r.chance(0.5) ? `${r.pick(['a', 'å', 'x'.repeat(300)])}@example.se` : r.pick(ODD_STRINGS)
      case 'number':
        return r.chance(0.6) ? Number(r.pick(ODD_NUMBERS)) : r.pick(ODD_NUMBERS)
      case 'date':
        return r.pick(ODD_DATES)
      case 'checkbox':
        return r.chance(0.7) ? r.chance(0.5) : oddScalar(r)
      case 'select':
      case 'radio':
        return r.chance(0.7) ? r.pick(field.options.map((o) => (typeof o === 'string' ? o : o.value))) : oddScalar(r)
      case 'relationship':
      case 'upload':
        return oddId(r, ids)
      case 'point':
        return r.pick([[18.07, 59.33], [1e400, 0], 'x', [1], [1, 2, 3]])
      case 'richText':
        return r.pick([
          { root: { type: 'root', children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', text: r.pick(ODD_STRINGS), version: 1 }] }], version: 1 } },
          { root: {} },
          { root: { children: 'x' } },
          'plain text',
          JSON.parse(deepJson(80)),
        ])
      case 'json':
        return oddJson(r)
      case 'group':
      case 'tab':
        return depth < 3 ? documentData(r, field.flattenedFields, ids, depth + 1) : {}
      case 'array':
        return depth < 3 ? Array.from({ length: r.int(3) }, () => documentData(r, field.flattenedFields, ids, depth + 1)) : []
      case 'blocks':
        return [{ blockType: r.pick([...field.blocks.map((b) => (typeof b === 'string' ? b : b.slug)), 'nosuch']) }]
      default:
        return oddJson(r)
    }
  }
  if (many) return Array.from({ length: r.int(4) }, one)
  return one()
}

/** A document: some of the fields, of their types or not, plus unknown keys and locale tricks. */
export function documentData(r: Random, fields: readonly FlattenedField[], ids: IdPool, depth = 0): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const field of r.some(fields, 8)) data[field.name] = fieldValue(r, field, ids, depth)
  if (depth === 0) {
    if (r.chance(0.1)) data[r.pick(['id', 'createdAt', 'updatedAt', '_status', 'nosuch', '__proto__', 'constructor', 'locale'])] = oddScalar(r)
    if (r.chance(0.05)) data.title = { sv: 'Svensk', en: 'English', xx: oddScalar(r) }
  }
  return data
}

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/json; charset=latin1']

/** A JSON body for a create or update, or one of the bodies that break parsers. */
export function jsonBody(r: Random, data: () => unknown): FuzzBody {
  return r.weighted([
    [10, () => ({ contentType: r.pick(JSON_TYPES), body: JSON.stringify(data()) })],
    [3, () => hostileBody(r)],
    [1, () => ({ contentType: 'application/json', body: JSON.stringify({ _payload: JSON.stringify(data()) }) })],
  ] as const)()
}

/** Bodies that are no JSON object, no JSON at all, or not of the type they claim. */
export function hostileBody(r: Random): FuzzBody {
  return r.weighted([
    [3, () => ({ contentType: 'application/json', body: r.pick(['null', '1', '"s"', '[]', '[{}]', 'true', '{', '{"a":}', '', ' ', '\uFEFF{}', '{"a":1}{"b":2}', '{"__proto__":{"x":1}}']) })],
    [1, () => ({ contentType: 'application/json', body: deepJson(r.pick([100, 5000, 100_000])) })],
    [1, () => ({ contentType: 'application/json', body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) })],
    [1, () => ({ contentType: 'application/json', body: JSON.stringify({ title: 'x'.repeat(6 * 1024 * 1024) }) })],
    [2, () => ({ contentType: r.pick(['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'image/png', 'application/octet-stream', 'application/graphql', '']), body: r.pick(['{"title":"x"}', 'title=x', '<a/>', '\u0000', 'x']) })],
    [3, () => multipartBody(r)],
  ] as const)()
}

/** multipart/form-data as the admin sends it (`_payload` + file), and broken variants. */
export function multipartBody(r: Random, payloadJson = JSON.stringify({ title: 'Från formulär', alt: 'Bild' })): FuzzBody {
  const boundary = `----fuzz${r.int(1e9)}`
  const part = (name: string, value: string, file?: { filename: string; type: string }) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file.filename}"` : ''}\r\n${file ? `Content-Type: ${file.type}\r\n` : ''}\r\n${value}\r\n`
  const png = '\x89PNG\r\n\x1a\n' + 'x'.repeat(64)
  const parts = [part('_payload', r.chance(0.8) ? payloadJson : r.pick(['{', 'null', '1', '[]', '"s"']))]
  if (r.chance(0.4)) parts.push(part('file', png, { filename: r.pick(['bild.png', 'poly.html', '', '../x.png', 'a\u0000.png', 'å.png']), type: r.pick(['image/png', 'text/html', '']) }))
  if (r.chance(0.1)) parts.push(part('file', r.pick(['{"filename":"x.png"}', '{', 'null'])))
  if (r.chance(0.05)) for (let i = 0; i < 30; i++) parts.push(part(`f${i}`, 'x'))
  const body = parts.join('') + `--${boundary}--\r\n`
  return r.weighted([
    [6, () => ({ contentType: `multipart/form-data; boundary=${boundary}`, body })],
    [1, () => ({ contentType: 'multipart/form-data', body })],
    [1, () => ({ contentType: `multipart/form-data; boundary=other`, body })],
    [1, () => ({ contentType: `multipart/form-data; boundary=${boundary}`, body: body.slice(0, r.int(body.length)) })],
    [1, () => ({ contentType: `multipart/mixed; boundary=${boundary}`, body })],
    [1, () => ({ contentType: `multipart/form-data; boundary=${boundary}`, body: '' })],
    [1, () => ({ contentType: `multipart/form-data; boundary=${boundary}`, body: `--${boundary}\r\nContent-Disposition: nonsense\r\n\r\nx\r\n--${boundary}--\r\n` })],
  ] as const)()
}
