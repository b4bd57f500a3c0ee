import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

export type SecurityHeaderOptions = {
  /** The public base URL; https turns on HSTS. */
  serverURL: string
  /** Payload's `routes.admin`. */
  adminRoute?: string
}

/** One year, without includeSubDomains: other hosts under the same domain are the operator's to decide. */
const HSTS = 'max-age=31536000'

/**
 * The policy of the pages (admin and public). Scripts only from this origin or inline with this request's nonce (Next.js
 * puts the nonce on its own inline scripts when it finds it in the request's CSP header). Styles
 * may be inline: React and Lexical set `style` attributes, which a nonce cannot cover.
 */
export function pageContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ')
}

/**
 * Headers for every answer of `npm start`, set on the response before the public cache or Next.js
 * writes it. Anything the answer sets itself wins (Node merges, the later value replaces), so the
 * newsletter pages keep their own `Referrer-Policy: no-referrer` and CSP.
 */
export function createSecurityHeaders({ serverURL, adminRoute = '/admin' }: SecurityHeaderOptions) {
  const https = serverURL.startsWith('https:')
  const common: [string, string][] = [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['X-Frame-Options', 'SAMEORIGIN'],
    ['Content-Security-Policy', "frame-ancestors 'self'"],
    ...(https ? ([['Strict-Transport-Security', HSTS]] as [string, string][]) : []),
  ]
  /**
   * The admin and the public pages are rendered per request, so Next.js can put the nonce on every
   * script. API answers, uploads and Next's static files get no script policy (they are no pages);
   * the newsletter pages set their own policy.
   */
  const isPage = (url: string | undefined) => {
    const path = (url ?? '/').split('?')[0]!
    if (path === adminRoute || path.startsWith(`${adminRoute}/`)) return true
    return !path.startsWith('/api/') && !path.startsWith('/_next/')
  }

  /** Sets the headers on `res`; for admin pages, also hands Next.js the nonce through the request's CSP header. */
  return function applySecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
    for (const [name, value] of common) res.setHeader(name, value)
    if (isPage(req.url)) {
      const policy = pageContentSecurityPolicy(randomBytes(16).toString('base64'))
      req.headers['content-security-policy'] = policy
      res.setHeader('Content-Security-Policy', policy)
    } else {
      // Only the server may tell Next.js a nonce.
      delete req.headers['content-security-policy']
      delete req.headers['content-security-policy-report-only']
    }
  }
}
