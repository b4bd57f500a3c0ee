import config from '@payload-config'
import { AktuelltPage, aktuelltMetadata } from 'payload-plugin-newsroom/rsc'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export const generateMetadata = ({ searchParams }: Props) => aktuelltMetadata({ config, locale: 'en', searchParams })

export default function Page({ searchParams }: Props) {
  return <AktuelltPage config={config} locale="en" searchParams={searchParams} />
}
