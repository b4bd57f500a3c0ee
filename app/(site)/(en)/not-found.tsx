import { NotFoundView } from 'payload-plugin-newsroom/rsc'

export default function NotFound() {
  return <NotFoundView locale="en" />
}
