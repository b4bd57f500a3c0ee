import { describe, expect, it } from 'vitest'
import { htmlToText } from 'newsroom-feeds'

describe('htmlToText', () => {
  it('strips tags, decodes entities and keeps paragraph breaks', () => {
    const html =
      '<h2>Rubrik</h2>\n<p>Första &amp; <strong>viktiga</strong> stycket<br/>rad två</p>' +
      '<ul><li>ett</li><li>tv&aring; &#8211; &#x1F600;</li></ul><p>Sista&nbsp;stycket &lt;b&gt;</p>' +
      '<script>alert(1)</script><style>p{}</style><!-- kommentar -->'
    expect(htmlToText(html)).toBe('Rubrik\n\nFörsta & viktiga stycket\nrad två\n\n- ett\n- två – 😀\n\nSista stycket <b>')
  })

  it('collapses whitespace and leaves plain text unchanged', () => {
    expect(htmlToText('  Bara   text\n  här ')).toBe('Bara text här')
    expect(htmlToText('Räksmörgås')).toBe('Räksmörgås')
  })
})
