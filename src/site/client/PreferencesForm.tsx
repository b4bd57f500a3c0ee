'use client'

import { useActionState, useEffect, useRef } from 'react'

import type { PreferencesState } from '../preferencesForm.js'
import { PAGE_PATHS } from '../paths.js'
import { PREFERENCES as PF } from '../../texts/pages.js'
import { type SiteLocale, stringsFor } from '../../texts/site.js'
import { NewsletterMessage } from './NewsletterMessage.js'
import type { SignupTopic } from './SignupForm.js'

type Props = {
  locale: SiteLocale
  organisation: string
  token: string
  topics: SignupTopic[]
  /** A `'use server'` action calling `submitPreferences(config, prev, form)`. */
  action: (prev: PreferencesState, form: FormData) => Promise<PreferencesState>
  initial: PreferencesState
  permalink: string
}

function Tree({ nodes, chosen }: { nodes: SignupTopic[]; chosen: Set<string> }) {
  return (
    <ul className="nr-tree">
      {nodes.map((n) => (
        <li key={n.slug}>
          <input type="checkbox" id={`nr-pref-topic-${n.slug}`} name="topics" value={n.slug} defaultChecked={chosen.has(n.slug)} />
          <label htmlFor={`nr-pref-topic-${n.slug}`}>{n.title}</label>
          {n.children.length ? <Tree nodes={n.children} chosen={chosen} /> : null}
        </li>
      ))}
    </ul>
  )
}

/** The subscriber's settings: topics, frequency, language; saved by a server action, with and without JavaScript. */
export function PreferencesForm({ locale, organisation, token, topics, action, initial, permalink }: Props) {
  const t = stringsFor(locale)
  const [state, formAction, pending] = useActionState(action, initial, permalink)
  const notice = useRef<HTMLDivElement>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (state.attempt <= 0) return
    if (state.step === 'edit') notice.current?.focus()
    else heading.current?.focus()
  }, [state])

  if (state.step !== 'edit') return <NewsletterMessage locale={locale} which={state.step} organisation={organisation} email={state.step === 'notSubscribed' ? state.email : undefined} headingRef={heading} />
  const v = state.values
  const chosen = new Set(v.topics)
  const message = state.notice === 'saved' ? t.savedNotice : state.notice === 'rate' ? t.errRate : state.notice === 'topics' ? t.errTopics : state.notice === 'error' ? t.linkError : ''
  return (
    <div className="nr-newsletter">
      <h1 ref={heading} tabIndex={-1}>
        {PF.title[locale]}
      </h1>
      <p className="nr-subscription-of">{t.subscriptionOf(organisation, state.email)}</p>
      {message ? (
        <div className={`nr-notice ${state.notice === 'saved' ? 'nr-notice--ok' : 'nr-notice--error'}`} ref={notice} tabIndex={-1} role={state.notice === 'saved' ? 'status' : 'alert'}>
          <p>{message}</p>
        </div>
      ) : null}
      {state.pending ? <p>{PF.pending[locale]}</p> : null}
      <form action={formAction} className="nr-signup" key={state.attempt}>
        <input type="hidden" name="token" value={token} />
        {topics.length ? (
          <fieldset className="nr-field" aria-describedby="nr-pref-topics-hint">
            <legend>{PF.topics[locale]}</legend>
            <p className="nr-hint" id="nr-pref-topics-hint">
              {PF.topicsHint[locale]}
            </p>
            <Tree nodes={topics} chosen={chosen} />
          </fieldset>
        ) : null}
        <fieldset className="nr-field">
          <legend>{t.frequency}</legend>
          {(['weekly', 'daily'] as const).map((f) => (
            <div key={f} className="nr-choice">
              <input type="radio" id={`nr-pref-frequency-${f}`} name="frequency" value={f} defaultChecked={v.frequency === f} />
              <label htmlFor={`nr-pref-frequency-${f}`}>{f === 'daily' ? t.daily : t.weekly}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="nr-field">
          <legend>{t.language}</legend>
          {(['sv', 'en'] as const).map((l) => (
            <div key={l} className="nr-choice">
              <input type="radio" id={`nr-pref-locale-${l}`} name="locale" value={l} defaultChecked={v.locale === l} />
              <label htmlFor={`nr-pref-locale-${l}`} lang={l}>
                {l === 'sv' ? 'Svenska' : 'English'}
              </label>
            </div>
          ))}
        </fieldset>
        <p>
          <button type="submit" className="nr-button" disabled={pending}>
            {pending ? t.saving : PF.save[locale]}
          </button>
        </p>
      </form>
      <p>
        <a href={`${PAGE_PATHS[locale].unsubscribe}?token=${encodeURIComponent(token)}`}>{t.unsubscribeLink}</a>
      </p>
    </div>
  )
}
