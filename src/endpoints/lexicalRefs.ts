type Node = Record<string, any>

const idOf = (value: unknown) => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value)

/**
 * The body's Lexical JSON as read at depth 1 carries the documents its internal links and
 * relationship nodes point at, drafts included. For the public answer they are cut back to their
 * ids (as at depth 0); upload nodes keep their media documents, which are public.
 */
export function lexicalWithRefIds(body: unknown): unknown {
  if (!body || typeof body !== 'object') return body ?? null
  const walk = (node: Node): Node => {
    const out: Node = { ...node }
    if (out.fields?.doc && typeof out.fields.doc === 'object') out.fields = { ...out.fields, doc: { ...out.fields.doc, value: idOf(out.fields.doc.value) } }
    if (out.type === 'relationship' && out.value && typeof out.value === 'object') out.value = idOf(out.value)
    if (Array.isArray(out.children)) out.children = out.children.map(walk)
    return out
  }
  const root = (body as { root?: Node }).root
  return root ? { ...body, root: walk(root) } : body
}
