import config from '@payload-config'
import { NewsletterPage, newsletterMetadata } from 'payload-plugin-newsroom/rsc'

import { signupAction } from '../../signupAction'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export const generateMetadata = () => newsletterMetadata({ config, locale: 'sv' })

export default function Page({ searchParams }: Props) {
  return <NewsletterPage config={config} locale="sv" action={signupAction} searchParams={searchParams} />
}
