import { handleEndpoints, type SanitizedConfig } from 'payload'

import { pluginOptions } from '../pluginOptions.js'
import { payloadOf } from './siteContext.js'

export type TokenPage = 'confirm' | 'preferences' | 'unsubscribe'

/**
 * The status of a newsletter page's link as the plugin's GET endpoint answers it in-process, as
 * JSON (it changes nothing): 200 for a link that works, 410 or 404 for one that does not. The
 * settings and unsubscribe pages share the subscriber's long-lived token, so both ask the cheaper
 * unsubscribe endpoint (one lookup).
 */
export async function tokenLinkStatus(config: SanitizedConfig | Promise<SanitizedConfig>, page: TokenPage, token: string, incoming: Headers): Promise<number> {
  const payload = await payloadOf(config)
  const url = new URL(`${payload.config.routes.api}/newsroom/${page === 'confirm' ? 'confirm' : 'unsubscribe'}`, pluginOptions(payload).serverURL)
  url.searchParams.set('token', token)
  const headers = new Headers({ accept: 'application/json' })
  for (const name of ['user-agent', 'accept-language']) {
    const v = incoming.get(name)
    if (v) headers.set(name, v)
  }
  const res = await handleEndpoints({ config: await config, request: new Request(url, { headers }) })
  await res.body?.cancel()
  return res.status
}
