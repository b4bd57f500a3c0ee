import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints, type SanitizedConfig } from 'payload'

/**
 * Serves Payload's REST API and GraphQL over real HTTP on a loopback port, without Next.js:
 * the same handlers the Next routes use.
 */
export async function serveApi(config: Promise<SanitizedConfig>, payloadInstanceCacheKey?: string) {
  const graphql = GRAPHQL_POST(config)
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const body = chunks.length ? Buffer.concat(chunks) : undefined
      const url = `http://${req.headers.host}${req.url}`
      const headers = new Headers()
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
      const request = new Request(url, { method: req.method, headers, body: body && req.method !== 'GET' && req.method !== 'HEAD' ? body : undefined })
      const response = new URL(url).pathname === '/api/graphql' ? await graphql(request) : await handleEndpoints({ config, request, payloadInstanceCacheKey })
      res.writeHead(response.status, Object.fromEntries(response.headers))
      res.end(Buffer.from(await response.arrayBuffer()))
    } catch (err) {
      res.writeHead(599, { 'content-type': 'text/plain' })
      res.end(`test server error: ${(err as Error).stack}`)
    }
  })
  // Longer than any client's idle keep-alive, so a reused connection is never closed under it (ECONNRESET).
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) }
}
