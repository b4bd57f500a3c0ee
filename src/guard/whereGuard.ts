import type { FlattenedField, Payload, SanitizedCollectionConfig } from 'payload'

import { getLocalizedPaths } from 'payload'
import { validOperators, validOperatorSet } from 'payload/shared'

import { BadInput, show } from './badInput.js'
import { MAX_WHERE_DEPTH } from './limits.js'
import { assertValidId, collectionIdType, type IdType } from './idGuard.js'
import { assertSafeStrings } from './nul.js'

/** Most values (all lists together) one `where` may carry: SQLite and PostgreSQL cap the parameters of one statement. */
export const MAX_WHERE_VALUES = 10_000
/** Most items in one comma-separated list (`where[id][in]=1,2,3`). */
const MAX_LIST_ITEMS = 1_000

const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
const PATTERN_OPERATORS = new Set(['like', 'not_like', 'contains'])
/** Field types whose columns are text in every adapter, so a pattern (`like`, `contains`) can run on them. */
const TEXT_TYPES = new Set(['text', 'textarea', 'email', 'code'])

type Target =
  | { kind: 'id'; idType: IdType; collection: string }
  | { kind: 'field'; field: FlattenedField }
  /** A relationship to several collections, addressed as a whole: only `equals { relationTo, value }` works. */
  | { kind: 'polymorphic'; relationTo: string[] }
  /** A path inside a json or richText field (`data.title`): a JSON-path query. */
  | { kind: 'jsonPath' }
  | { kind: 'unknown' }

export type WhereContext = {
  payload: Payload
  collection: SanitizedCollectionConfig
  locale?: string | null
  /** Trusted callers (the Local API's default) may hop through more relationships. */
  overrideAccess?: boolean
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)
const isScalar = (v: unknown) => v === null || v instanceof Date || ['string', 'number', 'boolean'].includes(typeof v)

/**
 * Checks a `where` against the collection's fields before Payload turns it into SQL: operators
 * exist and fit the field, values have the field's type (numbers, dates, ids, options, booleans),
 * lists are lists, and nothing holds a NUL. What it cannot resolve (unknown paths) it leaves to
 * Payload, which answers those with its own 400. Throws BadInput naming the offending part.
 */
export function assertValidWhere(where: unknown, ctx: WhereContext, label = 'where'): void {
  if (where === undefined || where === null) return
  const budget = { values: 0 }
  walk(where, ctx, label, 0, budget)
}

function walk(where: unknown, ctx: WhereContext, label: string, depth: number, budget: { values: number }) {
  if (!isPlainObject(where)) throw new BadInput(`${label}: must be an object of conditions, e.g. where[title][equals]=…`)
  if (depth > MAX_WHERE_DEPTH) throw new BadInput(`${label}: and/or nested more than ${MAX_WHERE_DEPTH} levels deep`)
  for (const [key, value] of Object.entries(where)) {
    const here = `${label}[${key}]`
    const lower = key.toLowerCase()
    if (lower === 'and' || lower === 'or') {
      if (!Array.isArray(value)) throw new BadInput(`${here}: must be a list of conditions, e.g. ${here}[0][title][equals]=…`)
      value.forEach((item, i) => walk(item, ctx, `${here}[${i}]`, depth + 1, budget))
      continue
    }
    if (!isPlainObject(value)) throw new BadInput(`${here}: must name an operator, e.g. ${here}[equals]=…`)
    const target = resolvePath(key, ctx, here)
    for (const [operator, operand] of Object.entries(value)) {
      checkCondition(operator, operand, target, `${here}[${operator}]`, budget, ctx.payload)
    }
  }
}

function resolvePath(path: string, ctx: WhereContext, label: string): Target {
  // Payload's path check treats `_id` as `id`, but only MongoDB has such a column.
  if (path === '_id' && ctx.payload.db.name !== 'mongoose') throw new BadInput(`${label}: this database has no _id; use id`)
  const p = path === '_id' ? 'id' : path.replace(/__/g, '.')
  if (p === 'id') return { kind: 'id', idType: collectionIdType(ctx.payload, ctx.collection.slug), collection: ctx.collection.slug }
  const attempt = (incomingPath: string) => {
    try {
      return getLocalizedPaths({
        collectionSlug: ctx.collection.slug,
        fields: ctx.collection.flattenedFields,
        incomingPath,
        locale: ctx.locale ?? undefined,
        overrideAccess: true,
        payload: ctx.payload,
      })
    } catch {
      // Payload throws a bare APIError (a 500) for paths through polymorphic joins.
      throw new BadInput(`${label}: this path cannot be queried`)
    }
  }
  let paths = attempt(p)
  // Version queries (`/api/news/versions`) address the document's fields under `version.`.
  if (paths.some((x) => x.invalid || !x.field) && p.startsWith('version.')) paths = attempt(p.slice('version.'.length))
  if (!paths.length || paths.some((x) => x.invalid || !x.field)) return { kind: 'unknown' }
  // Payload validates a path through two or more relationships in a promise it never awaits: when
  // any other condition is refused, that promise rejects unhandled (Next.js logs "⨯ unhandledRejection").
  if (paths.length > 2 && !ctx.overrideAccess) throw new BadInput(`${label}: a query may go through one relationship (such as topics.title), not more`)
  const last = paths.at(-1)!
  const field = last.field
  if (field.type === 'json' || field.type === 'richText') {
    const segments = p.split('.')
    const at = segments.lastIndexOf(field.name)
    const rest = segments.slice(at + 1).filter((s, i) => !(i === 0 && ctx.payload.config.localization && ctx.payload.config.localization.localeCodes.includes(s)))
    if (at >= 0 && rest.length) return { kind: 'jsonPath' }
  }
  if ((field.type === 'relationship' || field.type === 'upload') && Array.isArray(field.relationTo)) {
    const relationTo = field.relationTo as string[]
    if (last.path.endsWith('.relationTo')) return { kind: 'field', field: { name: 'relationTo', type: 'select', options: relationTo } as unknown as FlattenedField }
    if (last.path.endsWith('.value')) {
      const types = [...new Set(relationTo.map((slug) => collectionIdType(ctx.payload, slug)))]
      return types.length === 1 ? { kind: 'id', idType: types[0]!, collection: relationTo.join('/') } : { kind: 'unknown' }
    }
    return { kind: 'polymorphic', relationTo }
  }
  if (field.name === 'id' && (paths.length === 1 || last.path === 'id' || last.path.endsWith('.id'))) {
    const owner = last.collectionSlug ?? ctx.collection.slug
    if (ctx.payload.collections[owner]) return { kind: 'id', idType: collectionIdType(ctx.payload, owner), collection: owner }
  }
  return { kind: 'field', field }
}

function checkCondition(operator: string, operand: unknown, target: Target, label: string, budget: { values: number }, payload: Payload) {
  if (!validOperatorSet.has(operator as never)) throw new BadInput(`${label}: unknown operator "${operator}"; use one of ${validOperators.join(', ')}`)
  // The SQL adapters look operators up in their own table; `all` is not in it ("not a function").
  const supported = (payload.db as { operators?: Record<string, unknown> }).operators
  if (supported && !(operator in supported) && !GEO_OPERATORS.has(operator)) throw new BadInput(`${label}: the ${payload.db.name} database does not support ${operator}`)
  assertSafeStrings(operand, label)
  if (target.kind === 'jsonPath') {
    // The adapters build these as JSON-path SQL: other operators, or lists and objects as values, made it fail.
    const postgres = payload.db.name === 'postgres'
    const ops = ['equals', 'in', 'like', 'contains', 'not_like', 'exists', ...(postgres ? ['not_equals', 'not_in'] : [])]
    if (!ops.includes(operator)) throw new BadInput(`${label}: a path inside a JSON field takes ${ops.join(', ')}`)
    const items = Array.isArray(operand) && (operator === 'in' || operator === 'not_in') ? operand : [operand]
    if (operator !== 'exists' && !items.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) throw new BadInput(`${label}: must be a text, number or boolean`)
    if (operator === 'exists' && ![true, false, 'true', 'false'].includes(operand as never)) throw new BadInput(`${label}: must be true or false, got ${show(operand)}`)
    return
  }
  if (target.kind === 'polymorphic') {
    const ok = operator === 'equals' && isPlainObject(operand) && target.relationTo.includes(operand.relationTo as string) && isScalar(operand.value)
    if (!ok) throw new BadInput(`${label}: a relationship to ${target.relationTo.join(', ')}: use equals with { relationTo, value }, or query .value and .relationTo`)
    return
  }
  const type = target.kind === 'field' ? target.field.type : target.kind
  if (operator === 'exists') {
    if (![true, false, 'true', 'false'].includes(operand as never)) throw new BadInput(`${label}: must be true or false, got ${show(operand)}`)
    return
  }
  if (GEO_OPERATORS.has(operator)) {
    if (type !== 'point') throw new BadInput(`${label}: ${operator} works only on point fields`)
    if (operator === 'near') assertNear(operand, label)
    return
  }
  if ((type === 'json' || type === 'richText') && PATTERN_OPERATORS.has(operator)) {
    // PostgreSQL keeps these as jsonb, which has no ILIKE.
    throw new BadInput(`${label}: ${operator} does not work on a whole ${type} field; query a key inside it (${(target as { field: FlattenedField }).field.name}.<key>)`)
  }
  if (target.kind === 'unknown' || type === 'json' || type === 'richText' || type === 'point') {
    if (PATTERN_OPERATORS.has(operator) && !isScalar(operand) && !isPlainObject(operand)) throw new BadInput(`${label}: must be a single value, got a list`)
    return
  }
  const field = target.kind === 'field' ? target.field : undefined
  const relational = type === 'relationship' || type === 'upload' || type === 'join'
  const hasMany = Boolean(field && 'hasMany' in field && field.hasMany)

  if (LIST_OPERATORS.has(operator)) {
    if (operand === null) return
    let items: unknown[]
    if (typeof operand === 'string') {
      items = operand.split(',')
      if (items.length > MAX_LIST_ITEMS) throw new BadInput(`${label}: at most ${MAX_LIST_ITEMS} comma-separated values`)
    } else if (Array.isArray(operand)) items = operand
    else if (typeof operand === 'number') items = [operand]
    else throw new BadInput(`${label}: must be a list, e.g. ${label}=a,b or ${label}[0]=a`)
    count(budget, items.length, label)
    items.forEach((item, i) => {
      if (!isScalar(item)) throw new BadInput(`${label}[${i}]: must be a single value, got ${show(item)}`)
      checkValue('equals', item, target, `${label}[${i}]`, payload)
    })
    return
  }

  // Payload's own nested queries: `topics: { contains: { slug: … } }`, `rel: { equals: { relationTo, value } }`.
  if (relational && isPlainObject(operand)) {
    if (operator === 'contains' || (operator === 'equals' && field && Array.isArray((field as { relationTo?: unknown }).relationTo))) return
  }
  if (Array.isArray(operand) && relational && (operator === 'equals' || operator === 'not_equals' || operator === 'contains')) {
    count(budget, operand.length, label)
    operand.forEach((item, i) => {
      if (!isScalar(item)) throw new BadInput(`${label}[${i}]: must be a single value, got ${show(item)}`)
      checkValue('equals', item, target, `${label}[${i}]`, payload)
    })
    return
  }
  if (!isScalar(operand)) throw new BadInput(`${label}: must be a single value, not a list or an object`)
  count(budget, 1, label)
  if (PATTERN_OPERATORS.has(operator)) {
    const containsIsEquals = operator === 'contains' && hasMany && (relational || type === 'select' || type === 'number' || type === 'text')
    if (!containsIsEquals) {
      if (!TEXT_TYPES.has(type)) throw new BadInput(`${label}: ${operator} works only on text fields; this is a ${type} field`)
      return
    }
  }
  checkValue(operator, operand, target, label, payload)
}

function count(budget: { values: number }, n: number, label: string) {
  budget.values += n
  if (budget.values > MAX_WHERE_VALUES) throw new BadInput(`${label}: a where may hold at most ${MAX_WHERE_VALUES} values`)
}

/** One scalar against the field's type. */
function checkValue(operator: string, v: unknown, target: Target, label: string, payload: Payload) {
  if (target.kind === 'unknown' || target.kind === 'polymorphic' || target.kind === 'jsonPath') return
  if (target.kind === 'id') {
    if (v === null || v === 'null') return
    assertValidId(v, target.idType, label, target.collection)
    return
  }
  const { field } = target
  switch (field.type) {
    case 'number': {
      if (v === null || v === 'null' || v === '') return
      const n = typeof v === 'number' ? v : typeof v === 'string' && NUMBER.test(v.trim()) ? Number(v) : NaN
      if (!Number.isFinite(n)) throw new BadInput(`${label}: must be a number, got ${show(v)}`)
      return
    }
    case 'date': {
      if (v === null || v === 'null' || v === '') return
      assertDate(v, label)
      return
    }
    case 'checkbox': {
      if (v === null || typeof v === 'boolean') return
      if (typeof v === 'string' && /^(true|false)$/i.test(v)) return
      throw new BadInput(`${label}: must be true or false, got ${show(v)}`)
    }
    case 'select':
    case 'radio': {
      if (v === null) return
      const options = field.options.map((o) => (typeof o === 'string' ? o : o.value))
      if (typeof v !== 'string' || !options.includes(v)) throw new BadInput(`${label}: must be one of ${options.join(', ')}, got ${show(v)}`)
      return
    }
    case 'relationship':
    case 'upload': {
      if (v === null || v === 'null' || typeof v === 'boolean') return
      // Polymorphic relationships take { relationTo, value } objects, handled above.
      if (typeof field.relationTo !== 'string' || !payload.collections[field.relationTo]) return
      assertValidId(v, collectionIdType(payload, field.relationTo), label, field.relationTo)
      return
    }
    default:
      if (operator !== 'equals' && operator !== 'not_equals' && typeof v === 'boolean') {
        throw new BadInput(`${label}: ${operator} needs a text or number value, got ${show(v)}`)
      }
  }
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

/** A date the databases can store: parses, and its year is 1–9999 (ISO 8601 without an expanded year). */
export function assertDate(v: unknown, label: string) {
  const date = v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : null
  const year = date ? date.getUTCFullYear() : NaN
  if (!date || Number.isNaN(date.getTime()) || year < 1 || year > 9999) {
    throw new BadInput(`${label}: must be a date such as 2021-04-20 or 2021-04-20T08:00:00Z, got ${show(v)}`)
  }
}

function assertNear(v: unknown, label: string) {
  const parts = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : null
  const ok = parts && parts.length >= 2 && parts.length <= 4 && parts.every((p) => (typeof p === 'number' || typeof p === 'string') && p !== '' && Number.isFinite(Number(p)))
  if (!ok) throw new BadInput(`${label}: must be "longitude,latitude[,maxDistance[,minDistance]]", got ${show(v)}`)
}
