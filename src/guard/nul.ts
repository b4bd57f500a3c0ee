import { BadInput } from './badInput'

/** Deepest nesting of arrays and objects accepted in a document or a query value. */
export const MAX_VALUE_DEPTH = 64

/**
 * PostgreSQL refuses U+0000 in text and jsonb (the statement fails: a 500), SQLite keeps it and
 * cuts strings at it in places. Rejects it anywhere in a value, naming the path; also rejects
 * values nested deeper than MAX_VALUE_DEPTH (Payload and Lexical walk them recursively).
 */
export function assertNoNul(value: unknown, label: string) {
  const stack: [unknown, string, number][] = [[value, label, 0]]
  while (stack.length) {
    const [v, path, depth] = stack.pop()!
    if (typeof v === 'string') {
      if (v.includes('\u0000')) throw new BadInput(`${path}: must not contain the NUL character (U+0000)`)
      continue
    }
    if (typeof v !== 'object' || v === null || v instanceof Date) continue
    if (depth >= MAX_VALUE_DEPTH) throw new BadInput(`${path}: nested more than ${MAX_VALUE_DEPTH} levels deep`)
    if (Array.isArray(v)) v.forEach((item, i) => stack.push([item, `${path}[${i}]`, depth + 1]))
    else
      for (const [k, item] of Object.entries(v)) {
        if (k.includes('\u0000')) throw new BadInput(`${path}: a key must not contain the NUL character (U+0000)`)
        stack.push([item, `${path}.${k}`, depth + 1])
      }
  }
}
