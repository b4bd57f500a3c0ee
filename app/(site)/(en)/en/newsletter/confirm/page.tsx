import config from '@payload-config'
import { NewsletterConfirmPage, newsletterConfirmMetadata } from 'payload-plugin-newsroom/rsc'

import { confirmAction } from '../../../../newsletterLinkActions'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export const generateMetadata = () => newsletterConfirmMetadata({ config, locale: 'en' })

export default function Page({ searchParams }: Props) {
  return <NewsletterConfirmPage config={config} locale="en" action={confirmAction} searchParams={searchParams} />
}
