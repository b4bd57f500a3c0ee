import config from '@payload-config'
import { AccessibilityPage, accessibilityMetadata } from 'payload-plugin-newsroom/rsc'

export const generateMetadata = () => accessibilityMetadata({ config, locale: 'sv' })

export default function Page() {
  return <AccessibilityPage config={config} locale="sv" />
}
