'use client'

import { RefreshRouteOnSave } from '@payloadcms/live-preview-react'
import { useRouter } from 'next/navigation.js'

/**
 * On a draft page inside the admin's Live Preview: re-renders the server components whenever the
 * editor saves (a draft, or an autosave when the collection has autosave on), without reloading.
 * `adminOrigin` is the admin's origin: messages from any other window are ignored.
 */
export function LivePreviewRefresh({ adminOrigin }: { adminOrigin: string }) {
  const router = useRouter()
  return <RefreshRouteOnSave refresh={() => router.refresh()} serverURL={adminOrigin} />
}
