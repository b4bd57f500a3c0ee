import config from '@payload-config'
import { NewsletterUnsubscribePage, newsletterUnsubscribeMetadata } from 'payload-plugin-newsroom/rsc'

import { unsubscribeAction } from '../../../../newsletterLinkActions'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export const generateMetadata = () => newsletterUnsubscribeMetadata({ config, locale: 'en' })

export default function Page({ searchParams }: Props) {
  return <NewsletterUnsubscribePage config={config} locale="en" action={unsubscribeAction} searchParams={searchParams} />
}
