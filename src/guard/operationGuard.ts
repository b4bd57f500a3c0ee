import type { CollectionBeforeOperationHook, FlattenedField, GlobalBeforeOperationHook, PayloadRequest } from 'payload'

import { BadInput, show } from './badInput.js'
import { assertDataTypes } from './dataGuard.js'
import { assertValidId, collectionIdType } from './idGuard.js'
import { assertRelationsExist } from './relationsGuard.js'
import { MAX_LIMIT, MAX_PAGE } from './limits.js'
import { assertSafeStrings } from './nul.js'
import { assertValidWhere } from './whereGuard.js'

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Credentials and tokens of the auth operations: strings when given. */
const AUTH_STRINGS = ['email', 'username', 'password', 'token']

/**
 * `beforeOperation` hook the plugin puts first on every collection: it checks what the caller
 * passed (REST, GraphQL and the Local API alike) before Payload builds a query from it, and
 * throws BadInput (400; 404 for an impossible document id) where Payload would fail with a 500.
 */
export const guardOperation: CollectionBeforeOperationHook = async ({ args, collection, operation, overrideAccess, req }) => {
  const a = args as Record<string, unknown>
  const { payload } = req
  if ('where' in a) assertValidWhere(a.where, { payload, collection, locale: req.locale, overrideAccess: Boolean(overrideAccess) })
  if (a.id !== undefined && a.id !== null) {
    // REST has already turned a non-numeric path id into NaN; name what the client sent.
    const raw = typeof a.id === 'number' && Number.isNaN(a.id) ? (req.routeParams?.id ?? a.id) : a.id
    assertValidId(raw, collectionIdType(payload, collection.slug), 'id', collection.slug, 404)
  }
  if (a.joins !== undefined && a.joins !== false) assertJoins(a.joins, collection.flattenedFields, req, Boolean(overrideAccess))
  await checkCommonArgs(a, { flattenedFields: collection.flattenedFields, drafts: Boolean(collection.versions?.drafts) }, operation, req)
  return args
}

/** Paths of the join fields (in groups and tabs too). */
function joinPaths(fields: readonly FlattenedField[], prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const f of fields) {
    if (f.type === 'join' && typeof f.collection === 'string') out.set(`${prefix}${f.name}`, f.collection)
    if ((f.type === 'group' || f.type === 'tab') && 'flattenedFields' in f) for (const [k, v] of joinPaths(f.flattenedFields, `${prefix}${f.name}.`)) out.set(k, v)
  }
  return out
}

/**
 * `joins`: only the collection's join fields, each `false` or `{ limit, page, sort, where, count }`.
 * Payload looked up any name it was given (a TypeError for names of no join field: a 500).
 */
function assertJoins(joins: unknown, fields: readonly FlattenedField[], req: PayloadRequest, overrideAccess: boolean) {
  if (!isPlainObject(joins)) throw new BadInput(`joins: must be an object of join fields, got ${show(joins)}`)
  const known = joinPaths(fields)
  for (const [name, value] of Object.entries(joins)) {
    const slug = known.get(name)
    if (!slug) throw new BadInput(`joins[${name}]: ${known.size ? `not a join field; use ${[...known.keys()].join(', ')}` : 'there are no join fields here'}`)
    if (value === false) continue
    if (!isPlainObject(value)) throw new BadInput(`joins[${name}]: must be false or an object of limit, page, sort, where`)
    if (value.limit !== undefined && !(Number.isSafeInteger(value.limit) && (value.limit as number) >= 0)) throw new BadInput(`joins[${name}][limit]: must be a whole number, got ${show(value.limit)}`)
    if (value.page !== undefined && !(Number.isSafeInteger(value.page) && (value.page as number) >= 1 && (value.page as number) <= MAX_PAGE)) throw new BadInput(`joins[${name}][page]: must be a whole number from 1 to ${MAX_PAGE}, got ${show(value.page)}`)
    if (value.sort !== undefined && typeof value.sort !== 'string') throw new BadInput(`joins[${name}][sort]: must be a field name`)
    const related = req.payload.collections[slug]?.config
    if (value.where !== undefined && related) assertValidWhere(value.where, { payload: req.payload, collection: related, locale: req.locale, overrideAccess }, `joins[${name}][where]`)
  }
}

/**
 * The same for globals (Payload adds its own, such as the jobs' stats, whose dates the job
 * runner reads: an update with `updatedAt: "true"` stopped every job, scheduled publishing included).
 */
export const guardGlobalOperation: GlobalBeforeOperationHook = async ({ args, global, operation, req }) => {
  await checkCommonArgs(args as Record<string, unknown>, { flattenedFields: global.flattenedFields, drafts: Boolean(global.versions?.drafts) }, operation, req)
  return args
}

type Entity = { flattenedFields: FlattenedField[]; drafts: boolean }

async function checkCommonArgs(a: Record<string, unknown>, entity: Entity, operation: string, req: PayloadRequest) {
  const { payload } = req
  if (a.limit !== undefined && !(Number.isSafeInteger(a.limit) && (a.limit as number) >= 0)) {
    throw new BadInput(`limit: must be a whole number from 1 to ${MAX_LIMIT}, got ${show(a.limit)}`)
  }
  if (a.page !== undefined && !(Number.isSafeInteger(a.page) && (a.page as number) >= 1 && (a.page as number) <= MAX_PAGE)) {
    throw new BadInput(`page: must be a whole number from 1 to ${MAX_PAGE}, got ${show(a.page)}`)
  }
  if (a.depth !== undefined && !(Number.isSafeInteger(a.depth) && (a.depth as number) >= 0)) {
    throw new BadInput(`depth: must be a whole number from 0 to ${payload.config.maxDepth}, got ${show(a.depth)}`)
  }
  if (a.sort !== undefined) {
    const sorts = typeof a.sort === 'string' ? [a.sort] : Array.isArray(a.sort) ? a.sort : null
    if (!sorts || !sorts.every((s) => typeof s === 'string')) throw new BadInput(`sort: must be a field name or a comma-separated list of them, got ${show(a.sort)}`)
    assertSafeStrings(sorts, 'sort')
  }
  for (const key of ['select', 'populate'] as const) {
    if (a[key] !== undefined && a[key] !== null) assertSelect(a[key], key)
  }
  if ('data' in a && (operation === 'create' || operation === 'update' || AUTH_OPERATIONS.has(operation))) {
    if (!isPlainObject(a.data)) {
      if (operation === 'update' || operation === 'create' || a.data !== undefined) throw new BadInput(`body: must be a JSON object with the document's fields, got ${show(a.data)}`)
    } else {
      assertSafeStrings(a.data, 'data')
      if (operation === 'create' || operation === 'update') {
        const locales = payload.config.localization ? payload.config.localization.localeCodes : []
        assertDataTypes(a.data, entity.flattenedFields, locales)
        // Drafts are saved without field validation (see relationsGuard); a duplicate of a draft is
        // one too, whatever `draft` says, so every save of a collection with drafts is checked.
        if (entity.drafts) await assertRelationsExist(a.data, entity.flattenedFields, locales, req)
      }
      if (AUTH_OPERATIONS.has(operation)) {
        for (const k of AUTH_STRINGS) {
          if (a.data[k] !== undefined && a.data[k] !== null && typeof a.data[k] !== 'string') throw new BadInput(`${k}: must be a text, got ${show(a.data[k])}`)
        }
      }
    }
  }
}

const AUTH_OPERATIONS = new Set(['login', 'forgotPassword', 'resetPassword', 'unlock'])

/** `select` / `populate`: nested objects whose leaves are true or false. */
function assertSelect(value: unknown, label: string, depth = 0) {
  if (!isPlainObject(value) || depth > 10) throw new BadInput(`${label}: must be an object of field names, e.g. ${label}[title]=true`)
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'boolean') continue
    if (isPlainObject(v)) assertSelect(v, `${label}[${k}]`, depth + 1)
    else throw new BadInput(`${label}[${k}]: must be true or false, got ${show(v)}`)
  }
}
