import { notFound } from 'next/navigation'

/** Any other path: this language's 404 page, in the site's layout. */
export default function Missing() {
  notFound()
}
