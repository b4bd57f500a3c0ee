import 'payload-plugin-newsroom/newsroom.css'

import config from '@payload-config'
import { SiteShell } from 'payload-plugin-newsroom/rsc'
import type { ReactNode } from 'react'

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <SiteShell config={config} locale="en">
      {children}
    </SiteShell>
  )
}
