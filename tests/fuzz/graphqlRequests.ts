import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql'

import { ODD_DATES, ODD_NUMBERS, ODD_STRINGS } from './hostileValues'
import type { Random } from './random'

export type GraphQLBody = { query: string; variables?: Record<string, unknown> }

const literal = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? `[${v.map(literal).join(', ')}]` : v && typeof v === 'object' ? `{${Object.entries(v).map(([k, x]) => `${k}: ${literal(x)}`).join(', ')}}` : String(v))

/** A value for an input type: of the type, near it (out of range, wrong scalar), or anything. */
function inputValue(r: Random, type: GraphQLInputType, depth: number): unknown {
  const t = getNullableType(type)
  if (r.chance(0.05)) return null
  if (isListType(t)) return Array.from({ length: r.int(3) }, () => inputValue(r, t.ofType, depth + 1))
  if (isEnumType(t)) return r.chance(0.9) ? { enum: r.pick(t.getValues()).name } : { enum: 'NOSUCH' }
  if (isInputObjectType(t)) {
    if (depth > 4) return {}
    const fields = Object.values(t.getFields())
    return Object.fromEntries(r.some(fields, 3).map((f) => [f.name, inputValue(r, f.type, depth + 1)]))
  }
  const name = isScalarType(t) ? t.name : 'String'
  switch (name) {
    case 'Int':
      return r.pick([0, -1, 1, 5, 100, 101, 2147483647, 2147483648, -2147483649, 1.5, '5'])
    case 'Float':
      return r.pick([0, -1, 1.5, 1e308, 1e400, '1'])
    case 'Boolean':
      return r.pick([true, false, 'true', 0])
    case 'DateTime':
      return r.pick(ODD_DATES)
    case 'JSON':
    case 'JSONObject':
      return r.pick([{ a: 1 }, [1], 'x', 1, { root: { children: [] } }])
    case 'EmailAddress':
      return r.pick(['a@example.se', 'x', ''])
    default:
      return r.chance(0.7) ? r.pick(ODD_STRINGS) : r.pick(ODD_NUMBERS)
  }
}

/** Renders a generated value as a GraphQL literal (enums unquoted). */
function render(v: unknown): string {
  if (v && typeof v === 'object' && 'enum' in (v as object) && Object.keys(v as object).length === 1) return String((v as { enum: string }).enum)
  if (Array.isArray(v)) return `[${v.map(render).join(', ')}]`
  if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}: ${render(x)}`).join(', ')}}`
  if (typeof v === 'number' && !Number.isFinite(v)) return '1e400'
  return literal(v)
}

/** Selections of an output type, a few levels deep. */
function selection(r: Random, type: GraphQLOutputType, depth: number): string {
  const t = getNamedType(type) as GraphQLNamedType
  if (isUnionType(t)) return `{ __typename ${t.getTypes().slice(0, 2).map((m) => `... on ${m.name} ${selection(r, m, depth + 1)}`).join(' ')} }`
  if (!isObjectType(t) && !isInterfaceType(t)) return ''
  const fields = Object.values(t.getFields()) as GraphQLField<unknown, unknown>[]
  if (depth > 3) {
    const leaf = fields.find((f) => !isObjectType(getNamedType(f.type)) && !f.args.some((a) => a.type.toString().endsWith('!')))
    return `{ ${leaf?.name ?? '__typename'} }`
  }
  const picked = r.some(fields, 4).filter((f) => !f.args.some((a) => a.type.toString().endsWith('!')))
  if (!picked.length) return '{ __typename }'
  return `{ ${picked.map((f) => `${f.name}${args(r, f.args, 0.2)} ${selection(r, f.type, depth + 1)}`).join(' ')} }`
}

function args(r: Random, list: readonly GraphQLArgument[], p: number): string {
  const chosen = list.filter((a) => a.type.toString().endsWith('!') || r.chance(p))
  return chosen.length ? `(${chosen.map((a) => `${a.name}: ${render(inputValue(r, a.type, 0))}`).join(', ')})` : ''
}

/** A query or mutation of the schema with generated arguments and selections. */
export function schemaOperation(r: Random, schema: GraphQLSchema, ids: (string | number)[], protectedUserIds: (string | number)[] = []): GraphQLBody {
  const root = r.chance(0.7) ? schema.getQueryType()! : (schema.getMutationType() ?? schema.getQueryType()!)
  const field = r.pick(Object.values(root.getFields()))
  const kind = root === schema.getMutationType() ? 'mutation' : 'query'
  // Ids of real documents make the by-id queries and the mutations reach the database;
  // but the run keeps its own users (their passwords and sessions).
  const userMutation = kind === 'mutation' && /User/.test(field.name)
  const pool = userMutation ? ids.filter((id) => !protectedUserIds.includes(id)) : ids
  const withIds = args(r, field.args, 0.5).replace(/id: [^,)]+/, () => `id: ${userMutation || r.chance(0.7) ? literal(r.pick(pool)) : render(inputValue(r, field.args.find((a) => a.name === 'id')?.type ?? (null as never), 0))}`)
  const limit = r.chance(0.1) ? ` ${r.pick(['', '(limit: 0)', '(pagination: false)', '(limit: 1000000)'])}` : ''
  if (r.chance(0.15)) {
    const lim = field.args.find((a) => a.name === 'limit')
    if (lim) return { query: `${kind} Q($l: Int) { ${field.name}(limit: $l) ${selection(r, field.type, 1)} }`, variables: { l: r.pick([0, -1, 5, 101, 2147483647, 1.5, 'x', null]) } }
  }
  return { query: `${kind} { ${field.name}${withIds || limit} ${selection(r, field.type, 1)} }` }
}

/** Documents that attack the parser or the validation: cycles, depth, size, syntax. */
export function hostileDocument(r: Random, schema: GraphQLSchema): GraphQLBody {
  const deep = (n: number) => `query { ${'News { docs { topics { '.repeat(n)}id${' } } }'.repeat(n)} }`
  const text = schemaOperation(r, schema, [1]).query
  return r.pick([
    () => ({ query: 'query{...A} fragment A on Query{...B} fragment B on Query{...A}' }),
    () => ({ query: 'query{...A} fragment A on Query{...A}' }),
    () => ({ query: `query{ News { docs { ...F } } } fragment F on NewsItem { topics { ...G } } fragment G on Topic { parent { ...F } }` }),
    () => ({ query: deep(r.pick([3, 8, 30])) }),
    () => ({ query: `{${'{'.repeat(r.pick([100, 3000]))}` }),
    () => ({ query: `{ ${Array.from({ length: r.pick([50, 2000]) }, (_, i) => `a${i}: __typename`).join(' ')} }` }),
    () => ({ query: `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: News(limit: 100) { docs { id title } }`).join(' ')} }` }),
    () => ({ query: text.slice(0, r.int(text.length)) }),
    () => ({ query: text.replace(/[{}()]/, '') }),
    () => ({ query: '{ __schema { types { name fields { name } } } }' }),
    () => ({ query: 'subscription { News { docs { id } } }' }),
    () => ({ query: 'query A { __typename } query A { __typename }' }),
    () => ({ query: '{ News(where: { title: { like: "\\u0000" } }) { docs { id } } }' }),
    () => ({ query: '{ News(where: { publishedAt: { greater_than: "notadate" } }) { docs { id } } }' }),
    () => ({ query: '{ NewsItem(id: 2147483648) { id } }' }),
    () => ({ query: '{ News(page: 2147483647, limit: 100) { docs { id } } }' }),
    () => ({ query: '{ News(sort: "\\u0000") { docs { id } } }' }),
    () => ({ query: 'query($w: News_where) { News(where: $w) { docs { id } } }', variables: { w: { title: { like: ['a'] } } } }),
    () => ({ query: 'query($w: News_where) { News(where: $w) { docs { id } } }', variables: { w: { or: [{ and: [{ or: [] }] }] } } }),
    () => ({ query: 'query($id: Int!) { NewsItem(id: $id) { id } }', variables: { id: r.pick(['abc', 1.5, 2 ** 40, null]) } }),
    () => ({ query: '{ me: meUser { user { id email } } }' }),
    () => ({ query: 'mutation { loginUser(email: "a@b.se", password: "x") { token } }' }),
    () => ({ query: 'mutation { createNews(data: { title: "a\\u0000b" }) { id } }' }),
    () => ({ query: '{ __typename @include(if: $x) }' }),
    () => ({ query: `{ ${'__typename '.repeat(20_000)}}` }),
  ])()
}
