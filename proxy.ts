import payloadConfig from '@payload-config'
import { newsroomProxy } from 'payload-plugin-newsroom/proxy'

/** Item pages whose item is no longer published answer 410 (see src/site/gone.ts). */
export const proxy = newsroomProxy(payloadConfig)

export const config = {
  matcher: ['/nyheter/:slug', '/kalender/:slug', '/press/:slug', '/en/nyheter/:slug', '/en/kalender/:slug', '/en/press/:slug'],
}
