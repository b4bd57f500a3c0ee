import payloadConfig from '@payload-config'
import { newsroomProxy } from 'payload-plugin-newsroom/proxy'

/** The public pages' 410 and 404 answers (see src/site/gone.ts); the API, the admin and Next's files do not pass through it. */
export const proxy = newsroomProxy(payloadConfig)

export const config = {
  matcher: ['/((?!api|admin|_next).*)'],
}
