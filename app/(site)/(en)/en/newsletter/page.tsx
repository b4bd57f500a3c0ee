import config from '@payload-config'
import { NewsletterPage, newsletterMetadata } from 'payload-plugin-newsroom/rsc'

import { signupAction } from '../../../signupAction'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export const generateMetadata = () => newsletterMetadata({ config, locale: 'en' })

export default function Page({ searchParams }: Props) {
  return <NewsletterPage config={config} locale="en" action={signupAction} searchParams={searchParams} />
}
