/**
 * A rule for one input value, written once and read two ways: `schema`, the zod schema (the
 * source of truth: it decides every case and reports the errors), and `fast`, a reader that
 * either gives the value the schema would give or says it is not sure (`NOT_SURE`), never
 * anything else. Objects, arrays, defaults and refinements are built from the same declaration
 * for both (see schema.ts), so the field lists, defaults and cross-field rules exist once; only
 * the primitives (fields.ts) have a hand-written fast check, next to the zod rule it stands for.
 */
import { z } from 'zod'

/** The fast reader's "ask zod". */
export const NOT_SURE: unique symbol = Symbol('not sure')
export type NotSure = typeof NOT_SURE

export type Rule<S extends z.ZodType = z.ZodType> = { schema: S; fast: (value: unknown) => z.output<S> | NotSure }

export const rule = <S extends z.ZodType>(schema: S, fast: (value: unknown) => z.output<S> | NotSure): Rule<S> => ({ schema, fast })

export const optional = <S extends z.ZodType>(r: Rule<S>): Rule<z.ZodOptional<S>> =>
  rule(r.schema.optional(), (value) => (value === undefined ? undefined : r.fast(value)))

/** A default for a missing value (copied per use when it is an array, as zod does). */
export function withDefault<S extends z.ZodType>(r: Rule<S>, fallback: z.output<S> & {}): Rule<z.ZodDefault<S>> {
  const fresh = () => (Array.isArray(fallback) ? ([...fallback] as unknown as typeof fallback) : fallback)
  return rule(r.schema.default(fallback as never) as z.ZodDefault<S>, (value) => (value === undefined ? (fresh() as never) : (r.fast(value) as never)))
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

type Shape = Record<string, Rule>
type Schemas<T extends Shape> = { [K in keyof T]: T[K]['schema'] }

/**
 * Whether functions can be compiled at run time (not in runtimes that forbid `new Function`,
 * such as some edge workers; zod checks the same): the fast readers of objects and arrays are
 * then compiled per shape, which keeps every call in them to one known function (3–5 times
 * faster than a loop over the fields calling each rule's reader).
 */
const canCompile = (() => {
  try {
    return new Function('return true')() === true
  } catch {
    return false
  }
})()

/**
 * An object of the rules' fields (unknown fields dropped, as zod does). The fast reader returns
 * the input itself when every field already is what zod would make of it (no copy), else a new
 * object of the known fields (an absent optional one as undefined).
 */
export function object<T extends Shape>(shape: T): Rule<z.ZodObject<Schemas<T>>> {
  const keys = Object.keys(shape)
  const readers = keys.map((k) => shape[k]!.fast)
  const schemas = Object.fromEntries(keys.map((k) => [k, shape[k]!.schema])) as Schemas<T>
  return rule(z.object(schemas), (canCompile ? compileObject(keys, readers) : objectReader(keys, readers)) as never)
}

type Reader = (value: unknown) => unknown

function compileObject(keys: string[], readers: Reader[]): Reader {
  const field = (i: number) => JSON.stringify(keys[i])
  const body = [
    `if (typeof value !== 'object' || value === null || Array.isArray(value)) return NOT_SURE`,
    ...keys.map((_, i) => `const i${i} = value[${field(i)}]; const v${i} = r${i}(i${i}); if (v${i} === NOT_SURE) return NOT_SURE`),
    `if (${keys.map((_, i) => `v${i} === i${i}`).join(' && ') || 'true'}) return value`,
    `return { ${keys.map((_, i) => `${field(i)}: v${i}`).join(', ')} }`,
  ].join('\n')
  const make = new Function('NOT_SURE', ...readers.map((_, i) => `r${i}`), `return function read(value) {\n${body}\n}`)
  return make(NOT_SURE, ...readers) as Reader
}

function objectReader(keys: string[], readers: Reader[]): Reader {
  return (value) => {
    if (!isObject(value)) return NOT_SURE
    const parsed = new Array<unknown>(keys.length)
    let same = true
    for (let i = 0; i < keys.length; i++) {
      const input = value[keys[i]!]
      const out = readers[i]!(input)
      if (out === NOT_SURE) return NOT_SURE
      parsed[i] = out
      if (out !== input) same = false
    }
    if (same) return value
    const out: Record<string, unknown> = {}
    for (let i = 0; i < keys.length; i++) out[keys[i]!] = parsed[i]
    return out
  }
}

/** An array of the rule's values; the input itself when no element changed. */
export function array<S extends z.ZodType>(r: Rule<S>): Rule<z.ZodArray<S>> {
  return rule(z.array(r.schema), (canCompile ? compileArray(r.fast) : arrayReader(r.fast)) as never)
}

function compileArray(reader: Reader): Reader {
  // Its own copy of the loop per array rule, so that the call inside sees one reader only.
  const body = `if (!Array.isArray(value)) return NOT_SURE
let out
for (let i = 0; i < value.length; i++) {
  const parsed = read(value[i])
  if (parsed === NOT_SURE) return NOT_SURE
  if (parsed !== value[i] && !out) out = value.slice(0, i)
  if (out) out.push(parsed)
}
return out ?? value`
  return new Function('NOT_SURE', 'read', `return function readArray(value) {\n${body}\n}`)(NOT_SURE, reader) as Reader
}

/** The same loop, where functions cannot be compiled. */
function arrayReader(read: Reader): Reader {
  return function readArray(value: unknown) {
    if (!Array.isArray(value)) return NOT_SURE
    let out: unknown[] | undefined
    for (let i = 0; i < value.length; i++) {
      const parsed = read(value[i])
      if (parsed === NOT_SURE) return NOT_SURE
      if (parsed !== value[i] && !out) out = value.slice(0, i)
      if (out) out.push(parsed)
    }
    return out ?? value
  }
}

/** A rule across fields of an object: a zod refinement, and the same check on the fast reader's output. */
export type Refinement<T> = { check: (value: T) => boolean; message: string; path: string[] }

export function refine<S extends z.ZodType>(r: Rule<S>, refinements: Refinement<z.output<S>>[]): Rule<S> {
  let schema = r.schema
  for (const { check, message, path } of refinements) schema = schema.refine(check, { message, path }) as unknown as S
  const checks = refinements.map((r) => r.check)
  return rule(schema, (value) => {
    const parsed = r.fast(value)
    if (parsed === NOT_SURE) return NOT_SURE
    for (let i = 0; i < checks.length; i++) if (!checks[i]!(parsed)) return NOT_SURE
    return parsed
  })
}
