/** Lexical editor state from plain paragraphs; a paragraph starting with "## " becomes a heading. */
export function lexicalFromParagraphs(paragraphs: string[]) {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr' as const,
      children: paragraphs.map((p) => {
        const heading = p.startsWith('## ')
        const text = { type: 'text', text: heading ? p.slice(3) : p, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }
        return heading
          ? { type: 'heading', tag: 'h2', format: '', indent: 0, version: 1, direction: 'ltr', children: [text] }
          : { type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, children: [text] }
      }),
    },
  }
}
