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

/**
 * Search text: lower-cased with Swedish rules in JavaScript, so every database matches
 * Å/Ä/Ö/É case-insensitively (SQLite's LIKE only folds ASCII). Whitespace is collapsed.
 */
export const searchText = (...parts: (string | null | undefined)[]) =>
  parts
    .filter(Boolean)
    .join(' ')
    .toLocaleLowerCase('sv')
    .replace(/\s+/g, ' ')
    .trim()

/** The words of a search query, each at most 64 characters; LIKE wildcards are dropped. */
export const searchWords = (q: string) =>
  searchText(q.replace(/[%_\\]/g, ' '))
    .split(' ')
    .filter(Boolean)
    .map((w) => w.slice(0, 64))
