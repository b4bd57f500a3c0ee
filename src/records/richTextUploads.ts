/**
 * Ids of the uploads of `mediaSlug` embedded in a Lexical value (Payload's `upload` nodes), in any
 * locale: `body` is `{ root }` or, read with `locale: 'all'`, `{ sv: { root }, en: { root } }`.
 */
export function richTextUploadIds(value: unknown, mediaSlug: string, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) richTextUploadIds(v, mediaSlug, out)
  } else if (value && typeof value === 'object') {
    const node = value as { type?: unknown; relationTo?: unknown; value?: unknown }
    if (node.type === 'upload' && node.relationTo === mediaSlug && node.value != null) {
      out.add(String(typeof node.value === 'object' ? (node.value as { id?: unknown }).id : node.value))
    }
    for (const v of Object.values(value)) if (v && typeof v === 'object') richTextUploadIds(v, mediaSlug, out)
  }
  return out
}
