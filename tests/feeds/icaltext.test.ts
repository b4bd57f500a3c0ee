import { describe, expect, it } from 'vitest'
import { escapeICalText, foldLine } from 'newsroom-feeds'

const utf8 = new TextEncoder()
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })
const unfold = (folded: string) => folded.replaceAll('\r\n ', '')

function checkFolded(line: string) {
  const folded = foldLine(line)
  const physical = folded.split('\r\n')
  for (const [index, part] of physical.entries()) {
    expect(utf8.encode(part).length).toBeLessThanOrEqual(75)
    if (index > 0) expect(part.startsWith(' ')).toBe(true)
    // Each physical line must be valid UTF-8 on its own (no split characters)
    expect(strictUtf8.decode(Buffer.from(part, 'utf8'))).toBe(part)
    expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/)
  }
  expect(unfold(folded)).toBe(line)
  return physical
}

describe('foldLine', () => {
  it('leaves short lines alone', () => {
    expect(foldLine('SUMMARY:kort')).toBe('SUMMARY:kort')
    const exactly75 = 'DESCRIPTION:' + 'x'.repeat(63)
    expect(foldLine(exactly75)).toBe(exactly75)
  })

  it('folds ASCII at exactly 75 octets, continuation lines start with one space that counts', () => {
    const physical = checkFolded('DESCRIPTION:' + 'x'.repeat(200))
    expect(physical.map((part) => part.length)).toEqual([75, 75, 64]) // 212 chars = 75 + 74 + 63
  })

  it('folds 2-byte Swedish letters without splitting them', () => {
    const physical = checkFolded('DESCRIPTION:' + 'åäöÅÄÖ'.repeat(40))
    // 12 ASCII + 31 two-byte letters = 74 bytes; a 32nd would make 76
    expect(utf8.encode(physical[0]!).length).toBe(74)
  })

  it('folds emoji (4-byte, surrogate pairs) without splitting them', () => {
    checkFolded('SUMMARY:' + '😀🎉'.repeat(50))
    checkFolded('SUMMARY:x' + '😀'.repeat(50))
    checkFolded('SUMMARY:xx' + 'å😀€'.repeat(40))
  })

  it('folds mixed widths at every offset', () => {
    for (let pad = 0; pad < 8; pad++) checkFolded('DESCRIPTION:' + 'a'.repeat(pad) + 'ä€😀'.repeat(30))
  })
})

describe('escapeICalText', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeICalText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d')
    expect(escapeICalText('rad 1\nrad 2\r\nrad 3\rrad 4')).toBe('rad 1\\nrad 2\\nrad 3\\nrad 4')
    expect(escapeICalText('Räksmörgås: "kolon" ok')).toBe('Räksmörgås: "kolon" ok')
  })

  it('removes control characters but keeps tabs and emoji', () => {
    expect(escapeICalText('a\u0001b\u007Fc\td 😀 \uD800')).toBe('abc\td 😀 ')
  })
})
