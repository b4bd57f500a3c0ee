import type { SanitizedConfig } from 'payload'

import {
  type DocumentNode,
  GraphQLError,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  Kind,
  NoFragmentCyclesRule,
  NoUndefinedVariablesRule,
  parse,
  print,
  type SelectionSetNode,
  validate,
  visit,
} from 'graphql'
import { headersWithCors } from 'payload'

import { BodyTooLarge, readBody } from './readBody.js'
import { MAX_GRAPHQL_DEPTH, MAX_GRAPHQL_TOKENS, MAX_JSON_BYTES, MAX_LIMIT } from './limits.js'

/** NoFragmentCyclesRule and NoUndefinedVariablesRule look only at the document, so any valid schema will do. */
const placeholderSchema = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { _: { type: GraphQLString } } }) })

class Refused extends Error {
  constructor(
    message: string,
    readonly status = 400,
    readonly locations?: readonly { line: number; column: number }[],
  ) {
    super(message)
  }
}

type Body = { query: string; variables?: Record<string, unknown> | null; operationName?: string | null; extensions?: unknown }

/**
 * Checks a GraphQL POST before Payload sees it: a JSON body of bounded size with a `query` that
 * parses (at most MAX_GRAPHQL_TOKENS tokens), is a query or mutation, has no fragment cycle nor
 * undefined variable, and nests at most MAX_GRAPHQL_DEPTH levels. Payload parses the body outside
 * its error handling, and its complexity rule recurses into fragment cycles (stack overflow) and
 * throws on undefined variables: all were 500s.
 * Also caps `limit` (0 or above MAX_LIMIT) and `pagination: false` like the REST guard.
 */
export async function guardGraphQLRequest(request: Request, config: SanitizedConfig): Promise<Request | Response> {
  if (request.method !== 'POST') return request
  try {
    const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase()
    if (type !== 'application/json') throw new Refused(`Content-Type must be application/json, got ${type ? `"${type}"` : 'none'}`, 415)
    const body = readGraphQLBody(await readBody(request, MAX_JSON_BYTES))
    const document = parseQuery(body.query)
    const other = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation !== 'query' && d.operation !== 'mutation')
    if (other) throw new Refused('only queries and mutations are served here (no subscriptions)', 400, other.loc ? [{ line: other.loc.startToken.line, column: other.loc.startToken.column }] : undefined)
    const cycles = validate(placeholderSchema, document, [NoFragmentCyclesRule, NoUndefinedVariablesRule])
    if (cycles.length) throw new Refused(cycles.map((e) => e.message).join(' '), 400, cycles[0]!.locations)
    const depth = selectionDepth(document)
    if (depth > MAX_GRAPHQL_DEPTH) throw new Refused(`query: nested ${depth} levels deep; at most ${MAX_GRAPHQL_DEPTH}`)
    const capped = capLimits(document, body.variables ?? {})
    const text = JSON.stringify({ ...body, query: capped.changed ? print(capped.document) : body.query, variables: capped.variables })
    const headers = new Headers(request.headers)
    headers.set('content-type', 'application/json')
    headers.delete('transfer-encoding')
    headers.set('content-length', String(Buffer.byteLength(text)))
    return new Request(request.url, { method: 'POST', headers, body: text, signal: request.signal })
  } catch (err) {
    if (err instanceof Refused || err instanceof BodyTooLarge) {
      const status = err instanceof Refused ? err.status : 413
      const headers = headersWithCors({ headers: new Headers(), req: { headers: request.headers, payload: { config } } as never })
      const locations = err instanceof Refused ? err.locations : undefined
      return Response.json({ errors: [{ message: err.message, ...(locations ? { locations } : {}), extensions: { statusCode: status } }] }, { status, headers })
    }
    throw err
  }
}

function readGraphQLBody(bytes: Uint8Array): Body {
  let body: unknown
  try {
    body = JSON.parse(new TextDecoder().decode(bytes))
  } catch (err) {
    throw new Refused(`body: not valid JSON (${(err as Error).message})`)
  }
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v)
  if (!isObject(body)) throw new Refused('body: must be a JSON object such as {"query": "{ News { docs { title } } }"}')
  const b = body as Record<string, unknown>
  if (typeof b.query !== 'string') throw new Refused('query: must be a string')
  if (b.variables !== undefined && b.variables !== null && !isObject(b.variables)) throw new Refused('variables: must be an object')
  if (b.operationName !== undefined && b.operationName !== null && typeof b.operationName !== 'string') throw new Refused('operationName: must be a string')
  if (b.extensions !== undefined && b.extensions !== null && !isObject(b.extensions)) throw new Refused('extensions: must be an object')
  return b as Body
}

function parseQuery(query: string): DocumentNode {
  try {
    return parse(query, { maxTokens: MAX_GRAPHQL_TOKENS })
  } catch (err) {
    if (err instanceof GraphQLError) throw new Refused(err.message, 400, err.locations)
    if (err instanceof RangeError) throw new Refused('query: nested too deeply')
    throw err
  }
}

/** Deepest field nesting of any operation, fragments expanded (call after the cycle check). */
export function selectionDepth(document: DocumentNode): number {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])))
  const memo = new Map<string, number>()
  const depthOf = (set: SelectionSetNode | undefined, level: number): number => {
    if (!set || level > MAX_GRAPHQL_DEPTH) return 0
    let max = 0
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) max = Math.max(max, 1 + depthOf(sel.selectionSet, level + 1))
      else if (sel.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depthOf(sel.selectionSet, level))
      else {
        const name = sel.name.value
        if (!memo.has(name)) {
          memo.set(name, 0)
          memo.set(name, depthOf(fragments.get(name)?.selectionSet, level))
        }
        max = Math.max(max, memo.get(name)!)
      }
    }
    return max
  }
  let deepest = 0
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) deepest = Math.max(deepest, depthOf(d.selectionSet, 0))
  return deepest
}

/** `limit: 0`, `limit` above MAX_LIMIT and `pagination: false` (literals or variables) become a page of MAX_LIMIT. */
function capLimits(document: DocumentNode, variables: Record<string, unknown>) {
  const vars = { ...variables }
  const defaults = new Map<string, unknown>()
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue
    for (const v of d.variableDefinitions ?? []) {
      const dv = v.defaultValue
      if (dv?.kind === Kind.INT) defaults.set(v.variable.name.value, Number(dv.value))
      if (dv?.kind === Kind.BOOLEAN) defaults.set(v.variable.name.value, dv.value)
    }
  }
  const valueOf = (name: string) => (name in vars ? vars[name] : defaults.get(name))
  const tooMany = (n: unknown) => typeof n === 'number' && (n === 0 || n > MAX_LIMIT)
  let changed = false
  const capped = visit(document, {
    Field(node) {
      const args = [...(node.arguments ?? [])]
      let edited = false
      const at = (name: string) => args.findIndex((a) => a.name.value === name)
      const p = at('pagination')
      if (p >= 0) {
        const value = args[p]!.value
        const off = (value.kind === Kind.BOOLEAN && !value.value) || (value.kind === Kind.VARIABLE && valueOf(value.name.value) === false)
        if (off) {
          if (value.kind === Kind.VARIABLE) vars[value.name.value] = true
          else {
            args[p] = { ...args[p]!, value: { kind: Kind.BOOLEAN, value: true } }
            edited = true
          }
          // Without pagination Payload reads every document: give a full page instead.
          if (at('limit') < 0) {
            args.push({ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'limit' }, value: { kind: Kind.INT, value: String(MAX_LIMIT) } })
            edited = true
          }
        }
      }
      const l = at('limit')
      if (l >= 0) {
        const value = args[l]!.value
        if (value.kind === Kind.INT && tooMany(Number(value.value))) {
          args[l] = { ...args[l]!, value: { kind: Kind.INT, value: String(MAX_LIMIT) } }
          edited = true
        }
        if (value.kind === Kind.VARIABLE && tooMany(valueOf(value.name.value))) vars[value.name.value] = MAX_LIMIT
      }
      if (!edited) return undefined
      changed = true
      return { ...node, arguments: args }
    },
  })
  return { document: capped, variables: vars, changed }
}
