/** Route handlers for the app's own route files (sitemap.xml, robots.txt, preview), one line each. */
export { robotsRoute, sitemapRoute } from '../seo/routes.js'
export { renderRobots } from '../seo/robots.js'
export { renderSitemap, SITEMAP_MAX_URLS } from '../seo/sitemap.js'
export { pageUrl } from '../seo/pageUrl.js'
export { previewRoute } from '../preview/previewRoute.js'
export { PREVIEW_PATH, previewUrl } from '../preview/previewUrl.js'
