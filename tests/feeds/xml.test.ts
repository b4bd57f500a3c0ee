import { describe, expect, it } from 'vitest'
import { escapeXmlAttr, escapeXmlText, stripInvalidChars } from 'newsroom-feeds'
import { xmlErrors } from './helpers'

describe('XML sanitizing and escaping', () => {
  it('removes characters illegal in XML 1.0 and keeps tab/LF/CR and emoji', () => {
    expect(stripInvalidChars('a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh')).toBe('abcdefgh')
    expect(stripInvalidChars('t\tl\nc\r')).toBe('t\tl\nc\r')
    expect(stripInvalidChars('emoji 😀 🇸🇪')).toBe('emoji 😀 🇸🇪')
    expect(stripInvalidChars('lone \uD83D high, lone \uDE00 low, pair \uD83D\uDE00')).toBe('lone  high, lone  low, pair 😀')
  })

  it('escapes text and attributes', () => {
    expect(escapeXmlText('a ]]> & <b>"x"</b>')).toBe('a ]]&gt; &amp; &lt;b&gt;"x"&lt;/b&gt;')
    expect(escapeXmlAttr('a "q" & <x>\tb\nc')).toBe('a &quot;q&quot; &amp; &lt;x&gt;&#9;b&#10;c')
  })

  it('produces well-formed XML for hostile input (xmllint)', async () => {
    let hostile = ']]><![CDATA[ & &amp; <x/> "\' 😀 åäö \uD800 \uDFFF \uFFFE'
    for (let code = 0; code < 0x20; code++) hostile += String.fromCharCode(code)
    const doc = `<?xml version="1.0" encoding="UTF-8"?>\n<r a="${escapeXmlAttr(hostile)}">${escapeXmlText(hostile)}</r>\n`
    expect(await xmlErrors(doc)).toEqual([])
  })
})
