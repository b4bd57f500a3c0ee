import type { Payload } from 'payload'

import type { ResolvedNewsroomOptions } from './options.js'

/**
 * The plugin's resolved options, as `newsroomPlugin` left them in `config.custom.newsroom`. The
 * plugin's own code never calls this (it gets the options by closure); it is for the entry points
 * that have nothing but a Payload instance: scripts such as `npm run reindex` and `npm run digest`.
 * It is the very object the plugin's closures hold, not a copy.
 */
export function pluginOptions(payload: Payload): ResolvedNewsroomOptions {
  const options = (payload.config.custom as { newsroom?: ResolvedNewsroomOptions } | undefined)?.newsroom
  if (!options) throw new Error('newsroomPlugin is not in this Payload config (config.custom.newsroom is missing)')
  return options
}
