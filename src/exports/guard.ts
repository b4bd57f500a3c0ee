/** The request guards for the app's own route files (they import @payloadcms/next/routes, so they stay out of the main entry). */
export * from '../guard/index.js'
