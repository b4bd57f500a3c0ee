import { headers } from 'next/headers.js'
import { handleEndpoints } from 'payload'

import { pluginOptions } from '../pluginOptions.js'
import { payloadOf, type SiteProps } from './siteContext.js'

/** Headers of the visitor's request worth passing on: their address (rate limits), language and agent. */
const PASS_ON = ['x-forwarded-for', 'x-real-ip', 'user-agent', 'accept-language']

export type EndpointAnswer = { status: number; data: Record<string, unknown> }

/**
 * Calls one of the plugin's newsletter endpoints in-process (`handleEndpoints`) with
 * `Accept: application/json` and the visitor's address, so the site's pages get exactly the
 * checks, rate limits and answers a client of the HTTP API gets. `path` is below the API route,
 * e.g. `/newsroom/confirm`.
 */
export async function callNewsletterEndpoint(
  config: SiteProps['config'],
  path: string,
  init: { method: 'GET' | 'POST'; token: string; form?: URLSearchParams; json?: unknown },
): Promise<EndpointAnswer> {
  const res = await newsletterEndpointResponse(config, path, init, await headers())
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>
  return { status: res.status, data }
}

/** The same call with the visitor's headers given (the proxy has no `next/headers`); the endpoint's Response. */
export async function newsletterEndpointResponse(
  config: SiteProps['config'],
  path: string,
  init: { method: 'GET' | 'POST'; token: string; form?: URLSearchParams; json?: unknown },
  incoming: Pick<Headers, 'get'>,
): Promise<Response> {
  const payload = await payloadOf(config)
  const url = new URL(`${payload.config.routes.api}${path}`, pluginOptions(payload).serverURL)
  url.searchParams.set('token', init.token)
  const h = new Headers({ accept: 'application/json' })
  for (const name of PASS_ON) {
    const v = incoming.get(name)
    if (v) h.set(name, v)
  }
  let body: string | undefined
  if (init.json !== undefined) {
    h.set('content-type', 'application/json')
    body = JSON.stringify(init.json)
  } else if (init.form) {
    h.set('content-type', 'application/x-www-form-urlencoded')
    body = init.form.toString()
  }
  return handleEndpoints({ config: await config, request: new Request(url, { method: init.method, headers: h, body }) })
}

/** The `token` of a page's query (the first, if repeated); '' when there is none. */
export const tokenParam = (sp: Record<string, string | string[] | undefined> | undefined): string => {
  const v = sp?.token
  return (Array.isArray(v) ? v[0] : v) ?? ''
}

/** A newsletter page's path with its token. */
export const withToken = (path: string, token: string, extra = '') => `${path}?token=${encodeURIComponent(token)}${extra}`
