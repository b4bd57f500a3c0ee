'use client'

import { ErrorView } from 'payload-plugin-newsroom/client'

export default function Error({ reset }: { reset: () => void }) {
  return <ErrorView locale="en" reset={reset} />
}
