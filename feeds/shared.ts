/** Small helpers shared by the renderers. */
import type { FeedChannel, FeedChannelInput, FeedItem, FeedItemInput } from './schema.js'
import { parseChannel, parseItems } from './validate.js'

const ABSOLUTE_URL = /^https?:\/\//i
const HTML_SPECIAL = /[&<>]/
const AMP = /&/g
const LT = /</g
const GT = />/g

/** Validates channel and items (throws `ZodError`). */
export function parseFeedInput(
  channel: FeedChannelInput,
  items: readonly FeedItemInput[],
): { channel: FeedChannel; items: FeedItem[] } {
  return { channel: parseChannel(channel), items: parseItems(items) }
}

/** Whether an item id is an absolute http(s) URL (→ permalink guid). */
export function isUrl(value: string): boolean {
  return ABSOLUTE_URL.test(value)
}

/** Escapes plain text so it displays literally where a reader interprets it as HTML. */
export function plainTextToHtml(value: string): string {
  if (!HTML_SPECIAL.test(value)) return value
  return value.replace(AMP, '&amp;').replace(LT, '&lt;').replace(GT, '&gt;')
}
