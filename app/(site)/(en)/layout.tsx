import 'payload-plugin-newsroom/newsroom.css'

import config from '@payload-config'
import { SiteShell } from 'payload-plugin-newsroom/rsc'
import type { ReactNode } from 'react'

/** Every page reads the site settings and the published content at request time. */
export const dynamic = 'force-dynamic'

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <SiteShell config={config} locale="en">
      {children}
    </SiteShell>
  )
}
