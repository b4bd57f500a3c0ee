/**
 * Text sanitizing and XML escaping. All regexes are compiled once here.
 *
 * Characters that are illegal in XML 1.0 are removed: C0 controls except
 * tab/LF/CR, U+FFFE, U+FFFF and lone (unpaired) surrogates. Valid surrogate
 * pairs (emoji and other astral characters) are kept.
 */

const ILLEGAL_CHAR_TEST = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/
const ILLEGAL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

type MaybeWellFormed = { isWellFormed?: () => boolean }
// String.prototype.isWellFormed (ES2024, Node 20+) is a fast native scan for lone surrogates.
const hasIsWellFormed = typeof (String.prototype as MaybeWellFormed).isWellFormed === 'function'
const LONE_SURROGATE_TEST = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function isWellFormed(value: string): boolean {
  return hasIsWellFormed ? (value as unknown as { isWellFormed(): boolean }).isWellFormed() : !LONE_SURROGATE_TEST.test(value)
}

const TEXT_SPECIAL = /[&<>]/
const ATTR_SPECIAL = /[&<>"\t\n\r]/
const AMP = /&/g
const LT = /</g
const GT = />/g
const QUOT = /"/g
const TAB = /\t/g
const LF = /\n/g
const CR = /\r/g

/** Removes characters that are illegal in XML 1.0 (and useless in JSON / iCalendar text). */
export function stripInvalidChars(value: string): string {
  const clean = ILLEGAL_CHAR_TEST.test(value) ? value.replace(ILLEGAL_CHAR, '') : value
  return isWellFormed(clean) ? clean : clean.replace(LONE_SURROGATE, '')
}

/** Sanitizes and escapes text content (`&`, `<`, `>`; `]]>` becomes `]]&gt;`). */
export function escapeXmlText(value: string): string {
  const clean = stripInvalidChars(value)
  if (!TEXT_SPECIAL.test(clean)) return clean
  return clean.replace(AMP, '&amp;').replace(LT, '&lt;').replace(GT, '&gt;')
}

/**
 * Sanitizes and escapes an attribute value (always written in double quotes).
 * Tab/LF/CR are written as character references so attribute-value
 * normalization does not turn them into spaces.
 */
export function escapeXmlAttr(value: string): string {
  const clean = stripInvalidChars(value)
  if (!ATTR_SPECIAL.test(clean)) return clean
  return clean
    .replace(AMP, '&amp;')
    .replace(LT, '&lt;')
    .replace(GT, '&gt;')
    .replace(QUOT, '&quot;')
    .replace(TAB, '&#9;')
    .replace(LF, '&#10;')
    .replace(CR, '&#13;')
}

/** `<name>escaped text</name>` */
export function textElement(name: string, value: string): string {
  return '<' + name + '>' + escapeXmlText(value) + '</' + name + '>'
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
