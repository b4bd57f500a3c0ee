import config from '@payload-config'
import { ItemPage, itemMetadata } from 'payload-plugin-newsroom/rsc'

type Props = { params: Promise<{ slug: string }> }

export const generateMetadata = ({ params }: Props) => itemMetadata({ config, locale: 'en', type: 'events', params })

export default function Page({ params }: Props) {
  return <ItemPage config={config} locale="en" type="events" params={params} />
}
