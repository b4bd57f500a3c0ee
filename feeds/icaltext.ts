/** iCalendar (RFC 5545) content-line helpers: TEXT escaping and folding. */
import { stripInvalidChars } from './xml.js'

const TEXT_SPECIAL = /[\\;,\n\r]/
const TEXT_ESCAPE = /\r\n|[\\;,\n\r]/g
// Control characters are not allowed in TEXT values (HTAB is).
const CONTROL = /[\u007F]/g
const CONTROL_TEST = /[\u007F]/

function escapeTextChar(char: string): string {
  return char === '\\' ? '\\\\' : char === ';' ? '\\;' : char === ',' ? '\\,' : '\\n'
}

/**
 * Escapes an iCalendar TEXT value: `\` → `\\`, `;` → `\;`, `,` → `\,`,
 * line breaks (CRLF, LF, CR) → `\n`. Illegal control characters are removed.
 */
export function escapeICalText(value: string): string {
  let clean = stripInvalidChars(value)
  if (CONTROL_TEST.test(clean)) clean = clean.replace(CONTROL, '')
  return TEXT_SPECIAL.test(clean) ? clean.replace(TEXT_ESCAPE, escapeTextChar) : clean
}

/** UTF-8 length of a UTF-16 code unit (a high surrogate counts 4 for the whole pair). */
function utf8Width(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 4 : 3
}

/**
 * Folds a content line so that no line exceeds 75 octets of UTF-8 (excluding
 * the CRLF). Continuation lines start with a single space, which counts
 * toward the 75. Never splits a multi-byte character or a surrogate pair.
 * Returns the folded line joined with CRLF (without a trailing CRLF).
 */
export function foldLine(line: string): string {
  const length = line.length
  // A UTF-16 code unit is at most 3 UTF-8 bytes, so 25 units always fit.
  if (length <= 25) return line
  let bytes = 0
  let start = 0
  let out = ''
  for (let i = 0; i < length; i++) {
    const code = line.charCodeAt(i)
    const width = utf8Width(code)
    if (bytes + width > 75) {
      out += line.slice(start, i) + '\r\n '
      start = i
      bytes = 1 // the leading space of the continuation line
    }
    bytes += width
    // The low surrogate was already counted with its high half.
    if (width === 4 && i + 1 < length) i++
  }
  return start === 0 ? line : out + line.slice(start)
}
