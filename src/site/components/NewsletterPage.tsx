import type { Metadata } from 'next'

import { pluginOptions } from '../../pluginOptions.js'
import { SignupForm, type SignupTopic } from '../client/SignupForm.js'
import { loadTopicTree, type PageSearchParams, type TopicNode } from '../listingData.js'
import { pageMetadata } from '../metadata.js'
import { PAGE_PATHS } from '../paths.js'
import { initialSignupState, type SignupState } from '../signup.js'
import { payloadOf, type SiteProps } from '../siteContext.js'
import { stringsFor } from '../../texts/site.js'
import { JsonLd } from './JsonLd.js'

type Props = SiteProps & {
  /** The app's `'use server'` action: `(prev, form) => submitSignup(config, prev, form)`. */
  action: (prev: SignupState, form: FormData) => Promise<SignupState>
  searchParams?: Promise<PageSearchParams> | PageSearchParams
}

const toSignupTopics = (nodes: TopicNode[]): SignupTopic[] => nodes.map((n) => ({ slug: n.slug, title: n.title, children: toSignupTopics(n.children) }))

/** The newsletter sign-up page (/nyhetsbrev, /en/newsletter). `?topic=<slug>` ticks a topic. */
export async function NewsletterPage(props: Props) {
  const t = stringsFor(props.locale)
  const payload = await payloadOf(props.config)
  const o = pluginOptions(payload)
  const path = PAGE_PATHS[props.locale].newsletter
  const topic = (await props.searchParams)?.topic
  const tree = await loadTopicTree(props)
  return (
    <>
      <JsonLd config={props.config} locale={props.locale} crumbs={[{ name: t.newsletter, path }]} />
      <div className="nr-newsletter">
        <h1>{t.signupTitle}</h1>
        <p className="nr-ingress">{t.signupIntro}</p>
        {o.enabled && o.newsletter.enabled ? (
          <SignupForm
            locale={props.locale}
            topics={toSignupTopics(tree)}
            consentVersion={o.newsletter.consentWordingVersion}
            action={props.action}
            initial={initialSignupState(props.locale, typeof topic === 'string' ? [topic] : [])}
            sourcePage={path}
          />
        ) : (
          <p>{t.newsletterOff}</p>
        )}
      </div>
    </>
  )
}

export async function newsletterMetadata(props: SiteProps): Promise<Metadata> {
  const t = stringsFor(props.locale)
  return pageMetadata(props, { title: t.signupTitle, description: t.signupDescription, paths: { sv: PAGE_PATHS.sv.newsletter, en: PAGE_PATHS.en.newsletter } })
}
