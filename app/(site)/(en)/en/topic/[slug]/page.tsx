import config from '@payload-config'
import { TopicPage, topicMetadata } from 'payload-plugin-newsroom/rsc'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export const generateMetadata = ({ params, searchParams }: Props) => topicMetadata({ config, locale: 'en', params, searchParams })

export default function Page({ params, searchParams }: Props) {
  return <TopicPage config={config} locale="en" params={params} searchParams={searchParams} />
}
