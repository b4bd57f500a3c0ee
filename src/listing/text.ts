/** Plain text of a Lexical editor state (paragraphs separated by newlines). */
export function lexicalToText(value: unknown): string {
  const out: string[] = []
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const n = node as { text?: unknown; children?: unknown[]; type?: string }
    if (typeof n.text === 'string') out.push(n.text)
    if (Array.isArray(n.children)) {
      n.children.forEach(walk)
      if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'listitem' || n.type === 'quote') out.push('\n')
    }
  }
  walk((value as { root?: unknown } | null)?.root)
  return out.join('').replace(/\n+/g, '\n').trim()
}

const tokens = (text: string) =>
  text
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean)

/**
 * Search text: the distinct words of the parts, lower-cased with Swedish rules in JavaScript (so
 * every database matches Å/Ä/Ö/É case-insensitively; SQLite's LIKE only folds ASCII), in NFC, each
 * word a run of letters, digits and combining marks, joined by single spaces. The word index
 * (see wordIndex.ts) reads this column as its list of words, so it never tokenizes on its own.
 */
export const searchText = (...parts: (string | null | undefined)[]) => [...new Set(tokens(parts.filter(Boolean).join(' ')))].join(' ')

/** The words of a search query, each at most 64 characters. */
export const searchWords = (q: string) => [...new Set(tokens(q).map((w) => w.slice(0, 64)))]
