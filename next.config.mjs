import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The admin and API are served by `npm start`; nothing here needs image optimisation from outside.
  images: { unoptimized: true },
  // Types are checked once by `npm run typecheck` (part of `npm test`), not again by every build.
  typescript: { ignoreBuildErrors: true },
  // No X-Powered-By (withPayload adds its own "Next.js, Payload" one unless this is false).
  poweredByHeader: false,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
