import config from '@payload-config'
import { NewsletterPreferencesPage, newsletterPreferencesMetadata } from 'payload-plugin-newsroom/rsc'

import { preferencesAction } from '../../../newsletterLinkActions'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export const generateMetadata = () => newsletterPreferencesMetadata({ config, locale: 'sv' })

export default function Page({ searchParams }: Props) {
  return <NewsletterPreferencesPage config={config} locale="sv" action={preferencesAction} searchParams={searchParams} />
}
