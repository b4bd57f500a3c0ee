import type { Payload } from 'payload'

import type { ResolvedNewsroomOptions } from './options.js'

/**
 * The plugin's resolved options, as `newsroomPlugin` left them in `config.custom.newsroom`.
 * Collections, endpoints, hooks and tasks get the options by closure and never call this. It is
 * for the entry points that have nothing but a Payload instance, once per call: scripts such as
 * `npm run reindex` and `npm run digest`, the payload-only public functions (src/scripts.ts,
 * src/records/publicApi.ts), and what Next.js renders or routes (the public pages, the admin's
 * server components, the preview, sitemap and robots route handlers).
 * It is the very object the plugin's closures hold, not a copy.
 */
export function pluginOptions(payload: Payload): ResolvedNewsroomOptions {
  const options = (payload.config.custom as { newsroom?: ResolvedNewsroomOptions } | undefined)?.newsroom
  if (!options) throw new Error('newsroomPlugin is not in this Payload config (config.custom.newsroom is missing)')
  return options
}
