'use client'

import { useActionState, useEffect, useRef, useState } from 'react'

import type { SignupErrorCode, SignupState } from '../signup.js'
import { type SiteLocale, stringsFor } from '../../texts/site.js'

export type SignupTopic = { slug: string; title: string; children: SignupTopic[] }

type Props = {
  locale: SiteLocale
  topics: SignupTopic[]
  consentVersion: string
  /** A `'use server'` action calling `submitSignup(config, prev, form)`. */
  action: (prev: SignupState, form: FormData) => Promise<SignupState>
  initial: SignupState
  /** The page the form is on: stored with the consent, and where the form posts without JavaScript. */
  sourcePage: string
}

function TopicTree({ nodes, chosen, toggle, included, idPrefix, t, describedBy }: {
  nodes: SignupTopic[]
  chosen: Set<string>
  toggle: (slug: string, on: boolean) => void
  included: boolean
  idPrefix: string
  t: ReturnType<typeof stringsFor>
  describedBy?: string
}) {
  return (
    <ul className="nr-tree">
      {nodes.map((n) => {
        const id = `${idPrefix}-${n.slug}`
        const on = chosen.has(n.slug)
        return (
          <li key={n.slug}>
            {included ? (
              <input type="checkbox" id={id} checked disabled aria-describedby={`${id}-inc`} />
            ) : (
              <input type="checkbox" id={id} name="topics" value={n.slug} checked={on} onChange={(e) => toggle(n.slug, e.target.checked)} aria-describedby={describedBy} />
            )}
            <label htmlFor={id}>{n.title}</label>
            {included ? (
              <span className="nr-included" id={`${id}-inc`}>
                {' '}
                ({t.includedByParent})
              </span>
            ) : null}
            {n.children.length ? <TopicTree nodes={n.children} chosen={chosen} toggle={toggle} included={included || on} idPrefix={idPrefix} t={t} describedBy={describedBy} /> : null}
          </li>
        )
      })}
    </ul>
  )
}

/**
 * The newsletter sign-up form. A server action answers it, so it works without JavaScript (the
 * page comes back with the result); with JavaScript it answers in place, moves focus to the
 * message or the first field in error, and shows a ticked topic's subtopics as included.
 */
export function SignupForm({ locale, topics, consentVersion, action, initial, sourcePage }: Props) {
  const t = stringsFor(locale)
  const [state, formAction, pending] = useActionState(action, initial, sourcePage)
  const [chosen, setChosen] = useState(() => new Set(state.values.topics))
  const form = useRef<HTMLFormElement>(null)
  const done = useRef<HTMLDivElement>(null)
  const summary = useRef<HTMLDivElement>(null)

  useEffect(() => {
    setChosen(new Set(state.values.topics))
    if (!state.attempt) return
    if (state.status === 'ok') done.current?.focus()
    else if (state.errors.email) form.current?.querySelector<HTMLElement>('#nr-email')?.focus()
    else if (state.errors.consent) form.current?.querySelector<HTMLElement>('#nr-consent')?.focus()
    else summary.current?.focus()
  }, [state])

  const message = (code: SignupErrorCode | undefined) =>
    code === 'email' ? t.errEmail : code === 'consent' ? t.errConsent : code === 'topics' ? t.errTopics : code === 'rate' ? t.errRate : code ? t.errOther : ''
  const toggle = (slug: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev)
      if (on) next.add(slug)
      else next.delete(slug)
      return next
    })
  const hasErrors = state.status === 'error'
  const v = state.values

  return (
    <>
      {state.status === 'ok' ? (
        <div className="nr-notice nr-notice--ok" ref={done} tabIndex={-1} role="status">
          <p>{t.signupDone}</p>
        </div>
      ) : null}
      {hasErrors ? (
        <div className="nr-notice nr-notice--error" ref={summary} tabIndex={-1} role="alert" id="nr-signup-errors">
          <p>
            <strong>{t.signupErrors}</strong>
          </p>
          {state.errors.form ? <p>{message(state.errors.form)}</p> : null}
          <ul>
            {(['email', 'topics', 'consent'] as const)
              .filter((f) => state.errors[f])
              .map((f) => (
                <li key={f}>
                  <a href={f === 'email' ? '#nr-email' : f === 'consent' ? '#nr-consent' : '#nr-topics'}>{message(state.errors[f])}</a>
                </li>
              ))}
          </ul>
        </div>
      ) : null}
      <form ref={form} action={formAction} className="nr-signup" noValidate key={state.attempt}>
        <input type="hidden" name="sourcePage" value={sourcePage} />
        <div className={`nr-field${state.errors.email ? ' nr-field--error' : ''}`}>
          <label htmlFor="nr-email">
            {t.email} <span className="nr-required">({t.required})</span>
          </label>
          <p className="nr-hint" id="nr-email-hint">
            {t.emailHint}
          </p>
          {state.errors.email ? (
            <p className="nr-error" id="nr-email-error">
              {message(state.errors.email)}
            </p>
          ) : null}
          <input
            id="nr-email"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={v.email}
            aria-invalid={state.errors.email ? true : undefined}
            aria-describedby={state.errors.email ? 'nr-email-error nr-email-hint' : 'nr-email-hint'}
          />
        </div>
        {topics.length ? (
          <fieldset className={`nr-field${state.errors.topics ? ' nr-field--error' : ''}`} id="nr-topics" aria-describedby="nr-topics-hint">
            <legend>{t.signupTopics}</legend>
            <p className="nr-hint" id="nr-topics-hint">
              {t.signupTopicsHint}
            </p>
            {state.errors.topics ? (
              <p className="nr-error" id="nr-topics-error">
                {message(state.errors.topics)}
              </p>
            ) : null}
            <TopicTree nodes={topics} chosen={chosen} toggle={toggle} included={false} idPrefix="nr-signup-topic" t={t} describedBy={state.errors.topics ? 'nr-topics-error' : undefined} />
          </fieldset>
        ) : null}
        <fieldset className="nr-field">
          <legend>{t.frequency}</legend>
          {(['weekly', 'daily'] as const).map((f) => (
            <div key={f} className="nr-choice">
              <input type="radio" id={`nr-frequency-${f}`} name="frequency" value={f} defaultChecked={v.frequency === f} />
              <label htmlFor={`nr-frequency-${f}`}>{f === 'daily' ? t.daily : t.weekly}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="nr-field">
          <legend>{t.language}</legend>
          {(['sv', 'en'] as const).map((l) => (
            <div key={l} className="nr-choice">
              <input type="radio" id={`nr-locale-${l}`} name="locale" value={l} defaultChecked={v.locale === l} />
              <label htmlFor={`nr-locale-${l}`} lang={l}>
                {l === 'sv' ? 'Svenska' : 'English'}
              </label>
            </div>
          ))}
        </fieldset>
        <div className={`nr-field${state.errors.consent ? ' nr-field--error' : ''}`}>
          {state.errors.consent ? (
            <p className="nr-error" id="nr-consent-error">
              {message(state.errors.consent)}
            </p>
          ) : null}
          <div className="nr-choice">
            <input
              type="checkbox"
              id="nr-consent"
              name="consent"
              value="true"
              required
              defaultChecked={v.consent}
              aria-invalid={state.errors.consent ? true : undefined}
              aria-describedby={state.errors.consent ? 'nr-consent-error nr-consent-version' : 'nr-consent-version'}
            />
            <label htmlFor="nr-consent">
              {t.consent} <span className="nr-required">({t.required})</span>
            </label>
          </div>
          <p className="nr-hint" id="nr-consent-version">
            {t.consentVersion(consentVersion)}
          </p>
        </div>
        <div className="nr-honeypot" aria-hidden="true">
          <label htmlFor="nr-website">{t.honeypot}</label>
          <input id="nr-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <button type="submit" className="nr-button" aria-disabled={pending ? true : undefined}>
          {pending ? t.sending : t.subscribe}
        </button>
      </form>
    </>
  )
}
