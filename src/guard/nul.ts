import { BadInput } from './badInput.js'

/** Deepest nesting of arrays and objects accepted in a document or a query value. */
export const MAX_VALUE_DEPTH = 64

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Strings the databases cannot store: PostgreSQL refuses U+0000 in text and jsonb, and a lone
 * UTF-16 surrogate in jsonb (the statement fails: a 500); SQLite keeps NUL and cuts strings at it
 * in places. Rejects either anywhere in a value (keys included), naming the path; also rejects
 * values nested deeper than MAX_VALUE_DEPTH (Payload and Lexical walk them recursively).
 */
export function assertSafeStrings(value: unknown, label: string) {
  const stack: [unknown, string, number][] = [[value, label, 0]]
  const check = (s: string, path: string, what: string) => {
    if (s.includes('\u0000')) throw new BadInput(`${path}: ${what} must not contain the NUL character (U+0000)`)
    if (LONE_SURROGATE.test(s)) throw new BadInput(`${path}: ${what} must be valid Unicode (it has a lone surrogate)`)
  }
  while (stack.length) {
    const [v, path, depth] = stack.pop()!
    if (typeof v === 'string') {
      check(v, path, 'a text')
      continue
    }
    if (typeof v !== 'object' || v === null || v instanceof Date) continue
    if (depth >= MAX_VALUE_DEPTH) throw new BadInput(`${path}: nested more than ${MAX_VALUE_DEPTH} levels deep`)
    if (Array.isArray(v)) v.forEach((item, i) => stack.push([item, `${path}[${i}]`, depth + 1]))
    else
      for (const [k, item] of Object.entries(v)) {
        check(k, path, 'a key')
        stack.push([item, `${path}.${k}`, depth + 1])
      }
  }
}
