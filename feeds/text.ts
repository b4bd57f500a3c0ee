/** `htmlToText()`: rich text (HTML) to plain text for iCalendar DESCRIPTION and similar. */

const DROP_BLOCKS = /<(script|style|template|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi
const COMMENTS = /<!--[\s\S]*?-->/g
const LINE_BREAK = /<br\s*\/?>/gi
const LIST_ITEM = /<li\b[^>]*>/gi
const NEWLINE = /\n/g
const BLOCK_BOUNDARY =
  /<\/?(?:p|div|h[1-6]|ul|ol|blockquote|pre|table|tr|section|article|header|footer|aside|figure|figcaption|hr|dl|dt|dd)\b[^>]*>/gi
const TAGS = /<[^>]*>/g
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]+));/g
const SPACES = /[ \t\f\v\u00A0]+/g
const SPACE_AROUND_NEWLINE = / ?\n ?/g
const MANY_NEWLINES = /\n{3,}/g
const CRLF = /\r\n?/g

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  laquo: '\u00AB',
  raquo: '\u00BB',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201C',
  rdquo: '\u201D',
  aring: 'å',
  Aring: 'Å',
  auml: 'ä',
  Auml: 'Ä',
  ouml: 'ö',
  Ouml: 'Ö',
  eacute: 'é',
  Eacute: 'É',
  uuml: 'ü',
  Uuml: 'Ü',
  copy: '\u00A9',
  shy: '',
}

function decodeEntity(match: string, dec?: string, hex?: string, name?: string): string {
  if (name !== undefined) return NAMED_ENTITIES[name] ?? match
  const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16)
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD'
  return String.fromCodePoint(code)
}

/**
 * Converts HTML to plain text: drops scripts/styles/comments and tags,
 * decodes common entities, turns `<br>` into a line break, block elements
 * (`<p>`, headings, lists, …) into paragraph breaks and list items into
 * `- ` lines, and collapses other whitespace.
 */
export function htmlToText(html: string): string {
  return html
    .replace(CRLF, '\n')
    .replace(COMMENTS, '')
    .replace(DROP_BLOCKS, '')
    .replace(NEWLINE, ' ')
    .replace(LINE_BREAK, '\n')
    .replace(LIST_ITEM, '\n- ')
    .replace(BLOCK_BOUNDARY, '\n\n')
    .replace(TAGS, '')
    .replace(SPACES, ' ')
    .replace(ENTITY, decodeEntity)
    .replace(SPACES, ' ')
    .replace(SPACE_AROUND_NEWLINE, '\n')
    .replace(MANY_NEWLINES, '\n\n')
    .trim()
}
