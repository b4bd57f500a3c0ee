import type { Payload } from 'payload'

import type { ResolvedNewsroomOptions } from '../../options.js'

import { type Subscriber, topicIds } from '../common.js'
import { collectItems } from './collectItems.js'
import { type DigestContent, renderDigest } from './renderDigest.js'

/**
 * Items and rendered mail per (locale, topics, since) for one run: subscribers who got the last
 * digest share its time as `since`, so a run queries and renders once per topic choice, not once
 * per subscriber. Bounded, so memory stays flat however many distinct keys there are.
 */
export function digestContentCache(payload: Payload, options: ResolvedNewsroomOptions, until: Date) {
  const cache = new Map<string, Promise<DigestContent | null>>()
  return (s: Subscriber, since: Date) => {
    const key = `${s.locale}|${[...new Set(topicIds(s))].sort().join(',')}|${since.toISOString()}`
    let content = cache.get(key)
    if (!content) {
      if (cache.size >= 500) cache.clear()
      content = collectItems(payload, options, s, since, until, options.newsletter.maxItems).then((items) => (items.length ? renderDigest(s.locale, items) : null))
      content.catch(() => cache.delete(key))
      cache.set(key, content)
    }
    return content
  }
}
