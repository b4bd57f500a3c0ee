/** Deepest topic tree walked: a cycle (or a corrupt parent chain) cannot make a walk endless. */
export const MAX_TOPIC_DEPTH = 50

/** The id of a relationship value: the id itself, or a populated document's `id`; null when empty. */
export const topicIdOf = (value: unknown): string | null => (value == null ? null : String(typeof value === 'object' ? (value as { id: unknown }).id : value))

/**
 * The topic and its ancestors, nearest first: up the `parentOf` chain until a root, a topic met
 * before (a cycle) or MAX_TOPIC_DEPTH topics. Subscribing to or filtering by a topic includes its
 * subtopics, so this is the list of topics whose subscribers or listings include `id`.
 */
export function topicAncestors(id: string, parentOf: (id: string) => string | null | undefined): string[] {
  const ids = [id]
  for (let cursor = parentOf(id); cursor && !ids.includes(cursor) && ids.length < MAX_TOPIC_DEPTH; cursor = parentOf(cursor)) ids.push(cursor)
  return ids
}
