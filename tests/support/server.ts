import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { SanitizedConfig } from 'payload'

import { guardedGraphQLRoute, guardedRestRoutes } from '../../src/guard'
import { isDecodablePath, undecodablePathMessage } from '../../demo/http/pathEncoding'

type Method = 'GET' | 'POST' | 'DELETE' | 'PATCH' | 'PUT' | 'OPTIONS'

/**
 * Serves Payload's REST API and GraphQL over real HTTP on a loopback port, without Next.js:
 * the same guarded route handlers as the app's route files (app/(payload)/api), called the way
 * Next calls them (decoded path segments as `params.slug`, the body as a stream).
 */
export async function serveApi(config: Promise<SanitizedConfig>, payloadInstanceCacheKey?: string) {
  const rest = guardedRestRoutes(config, { payloadInstanceCacheKey })
  const graphql = guardedGraphQLRoute(config)
  const { routes } = await config
  const server = http.createServer(async (req, res) => {
    try {
      if (!['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].includes(req.method ?? '')) return void res.writeHead(405).end()
      const url = `http://${req.headers.host}${req.url}`
      const headers = new Headers()
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
      // Next.js runs a route's GET handler for HEAD, with the request's method left as HEAD.
      const method = (req.method === 'HEAD' ? 'GET' : req.method) as Method
      const hasBody = method !== 'GET' && method !== 'OPTIONS' && (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined)
      const body = hasBody ? bodyStream(req) : undefined
      // Whatever the handler left unread is discarded, so the connection can carry the next request.
      res.on('finish', () => body?.drain())
      const request = new Request(url, {
        method: req.method,
        headers,
        body: body?.stream,
        duplex: 'half',
      } as RequestInit)
      const { pathname } = new URL(url)
      let response: Response | undefined
      if (pathname === `${routes.api}${routes.graphQL}`) {
        response = method === 'POST' ? await graphql.POST(request) : method === 'OPTIONS' ? await graphql.OPTIONS(request, { params: Promise.resolve({}) }) : new Response(null, { status: 405 })
      } else if (!isDecodablePath(pathname)) {
        // What scripts/start.ts answers before Next.js (which would fail with a bare 500).
        response = new Response(undecodablePathMessage, { status: 400 })
      } else if (pathname.startsWith(`${routes.api}/`) && rest[method]) {
        const slug = pathname.slice(routes.api.length + 1).split('/').map((s) => decodeURIComponent(s))
        response = await rest[method](request, { params: Promise.resolve({ slug }) })
      } else {
        response = new Response('Not Found', { status: 404 })
      }
      response ??= new Response('Not Found', { status: 404 })
      res.writeHead(response.status, Object.fromEntries(response.headers))
      res.end(req.method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer()))
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
  return { baseUrl: `http://127.0.0.1:${port}`, close: () =>
      new Promise<void>((r) => {
        server.close(() => r())
        // A client that stopped sending a body (a 413) leaves its connection open: do not wait for it.
        server.closeAllConnections()
      }),
  }
}

/**
 * The request body as a web stream, read as the handler pulls (like Next.js). A handler that
 * stops early (a 413) cancels it; `drain` discards the rest.
 * (Readable.toWeb throws "Controller is already closed" on data arriving after a cancel.)
 */
function bodyStream(req: http.IncomingMessage) {
  let done = false
  const drain = () => {
    done = true
    req.resume()
  }
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        if (done) return
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
        if ((controller.desiredSize ?? 0) <= 0) req.pause()
      })
      req.on('end', () => {
        if (!done) controller.close()
        done = true
      })
      req.on('error', (err) => {
        if (!done) controller.error(err)
        done = true
      })
      req.pause()
    },
    pull() {
      req.resume()
    },
    cancel: drain,
  })
  return { stream, drain }
}
