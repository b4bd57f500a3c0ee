import type { FlattenedField } from 'payload'

import { BadInput, show } from './badInput.js'
import { assertDate } from './whereGuard.js'

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date)

/**
 * Values Payload's field validation lets through but the database or Payload's own reading
 * cannot take: dates outside the years 1–9999 (stored on SQLite, then every read of the
 * collection failed on `toISOString`: one bad save broke the list for everyone; PostgreSQL
 * refuses them), numbers that are not finite (JSON `1e400` is Infinity) or beyond ±2^53 (SQLite then
 * keeps an INTEGER that cannot be read back: every read of the document failed), options not in the
 * list (drafts skip validation; PostgreSQL's enum refuses them), points that are not two
 * finite numbers, required texts that are only blanks. Walks groups, tabs, arrays and blocks;
 * localized values per locale.
 */
export function assertDataTypes(data: Record<string, unknown>, fields: readonly FlattenedField[], locales: readonly string[], label = ''): void {
  for (const field of fields) {
    if (!(field.name in data)) continue
    const path = label ? `${label}.${field.name}` : field.name
    const value = data[field.name]
    const localized = 'localized' in field && field.localized && isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => locales.includes(k))
    if (localized && field.type !== 'group' && field.type !== 'json' && field.type !== 'richText') {
      for (const [locale, v] of Object.entries(value as Record<string, unknown>)) checkField(field, v, `${path}.${locale}`, locales)
    } else checkField(field, value, path, locales)
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/

/** An ISO 8601 date whose fields exist on the calendar (JavaScript reads 2021-02-30 as 2 March; PostgreSQL refuses it). */
function isCalendarDate(s: string): boolean {
  const m = ISO_DATE.exec(s)
  if (!m) return false
  const [, y, mo, d, h = '0', mi = '0', sec = '0', , oh = '0', om = '0'] = m
  const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate()
  return Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= days && Number(h) <= 23 && Number(mi) <= 59 && Number(sec) <= 59 && Number(oh) <= 14 && Number(om) <= 59
}

/** Lexical's hooks walk `children` as arrays of node objects: `children: "x"` was a TypeError (a 500). */
function assertLexicalTree(root: unknown, path: string) {
  const stack: [unknown, string][] = [[root, path]]
  while (stack.length) {
    const [node, p] = stack.pop()!
    if (!isPlainObject(node)) throw new BadInput(`${p}: must be a rich-text node (an object)`)
    if (node.type !== undefined && typeof node.type !== 'string') throw new BadInput(`${p}.type: must be a text`)
    if (node.children === undefined) continue
    if (!Array.isArray(node.children)) throw new BadInput(`${p}.children: must be a list of nodes`)
    node.children.forEach((child, i) => stack.push([child, `${p}.children[${i}]`]))
  }
}

function checkField(field: FlattenedField, value: unknown, path: string, locales: readonly string[]) {
  if (value === null || value === undefined || (value === '' && field.type !== 'select' && field.type !== 'radio' && field.type !== 'date')) return
  const many = 'hasMany' in field && field.hasMany && Array.isArray(value)
  const each = (check: (v: unknown, p: string) => void) => (many ? (value as unknown[]).forEach((v, i) => check(v, `${path}[${i}]`)) : check(value, path))
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      // Upload metadata (mimeType, filename) went to string methods: `mimeType: 1` was a 500.
      each((v, p) => {
        if (v !== null && typeof v !== 'string') throw new BadInput(`${p}: must be a text, got ${show(v)}`)
      })
      // Payload's `required` refuses only '', so a title of one tab passed, and feeds and URLs built from it failed.
      if (field.required && !many && typeof value === 'string' && !/\S/.test(value)) throw new BadInput(`${path}: must not be blank`)
      return
    case 'date':
      each((v, p) => {
        if (v === null) return
        // PostgreSQL parses a date string itself: "0" or "5." reached it as given ("out of range").
        if (typeof v === 'string' && !isCalendarDate(v)) throw new BadInput(`${p}: must be an ISO 8601 date such as 2021-04-20 or 2021-04-20T08:00:00.000Z, got ${show(v)}`)
        assertDate(v, p)
      })
      return
    case 'richText':
      if (isPlainObject(value) && 'root' in value) assertLexicalTree(value.root, `${path}.root`)
      return
    case 'number':
      each((v, p) => {
        // Payload turns numeric strings into numbers with parseFloat.
        const n = typeof v === 'number' ? v : typeof v === 'string' ? parseFloat(v) : NaN
        if (Number.isNaN(n)) return
        if (!Number.isFinite(n)) throw new BadInput(`${p}: must be a finite number, got ${show(v)}`)
        // SQLite stores a larger whole number as an INTEGER that libsql then refuses to read back (every read failed).
        if (Math.abs(n) > Number.MAX_SAFE_INTEGER) throw new BadInput(`${p}: must be between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}, got ${show(v)}`)
      })
      return
    case 'select':
    case 'radio': {
      // Checked here too because drafts skip validation, and PostgreSQL keeps options as an enum.
      const options = field.options.map((o) => (typeof o === 'string' ? o : o.value))
      each((v, p) => {
        if (v !== null && (typeof v !== 'string' || !options.includes(v))) throw new BadInput(`${p}: must be one of ${options.join(', ')}, got ${show(v)}`)
      })
      return
    }
    case 'point':
      if (!Array.isArray(value) || value.length !== 2 || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
        throw new BadInput(`${path}: must be [longitude, latitude], got ${show(value)}`)
      }
      return
    case 'group':
    case 'tab':
      if (isPlainObject(value)) assertDataTypes(value, field.flattenedFields, locales, path)
      return
    case 'array':
      if (Array.isArray(value)) value.forEach((row, i) => isPlainObject(row) && assertDataTypes(row, field.flattenedFields, locales, `${path}[${i}]`))
      return
    case 'blocks':
      if (Array.isArray(value)) {
        value.forEach((row, i) => {
          if (!isPlainObject(row)) return
          const block = field.blocks.find((b) => typeof b !== 'string' && b.slug === row.blockType)
          if (block && typeof block !== 'string') assertDataTypes(row, block.flattenedFields, locales, `${path}[${i}]`)
        })
      }
      return
  }
}
