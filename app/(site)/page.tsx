import { redirect } from 'next/navigation'

/** The newsroom has no public website of its own: the root leads editors to the admin. */
export default function Home() {
  redirect('/admin')
}
