import { GoneView } from 'payload-plugin-newsroom/rsc'

/** proxy.ts rewrites an item that is no longer published here, with status 410. */
export const metadata = { robots: { index: false } }

export default function Page() {
  return <GoneView locale="sv" />
}
