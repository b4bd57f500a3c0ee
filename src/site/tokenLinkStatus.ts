import type { SanitizedConfig } from 'payload'

import { newsletterEndpointResponse } from './newsletterEndpoint.js'

export type TokenPage = 'confirm' | 'preferences' | 'unsubscribe'

/**
 * The status of a newsletter page's link as the plugin's GET endpoint answers it in-process, as
 * JSON (it changes nothing): 200 for a link that works, 410 or 404 for one that does not. The
 * settings and unsubscribe pages share the subscriber's long-lived token, so both ask the cheaper
 * unsubscribe endpoint (one lookup).
 */
export async function tokenLinkStatus(config: SanitizedConfig | Promise<SanitizedConfig>, page: TokenPage, token: string, incoming: Headers): Promise<number> {
  const res = await newsletterEndpointResponse(config, page === 'confirm' ? '/newsroom/confirm' : '/newsroom/unsubscribe', { method: 'GET', token }, incoming)
  await res.body?.cancel()
  return res.status
}
