'use client'

import { useEffect, useRef, useState } from 'react'

type Props = {
  /** "Laddar …", shown on the button while the next page loads. */
  loading: string
  /** "Visar {n} av {n} resultat": the first {n} is what is shown, the second the total. */
  showing: string
}

const fetchPage = async (url: string): Promise<Document> => {
  const res = await fetch(url, { headers: { accept: 'text/html' }, credentials: 'same-origin' })
  if (!res.ok && res.status !== 404) throw new Error(String(res.status))
  return new DOMParser().parseFromString(await res.text(), 'text/html')
}

/**
 * With JavaScript, the listing changes in place: "Ladda fler" appends the next page and moves focus
 * to its first item; the tabs, the search and the filters replace the results and update the URL.
 * Each change is announced in a polite live region. It reads the same server-rendered HTML the
 * links lead to, so nothing is rendered twice and the page works the same without it.
 */
export function ListingEnhancer({ loading, showing }: Props) {
  const live = useRef<HTMLParagraphElement>(null)
  const [message, setMessage] = useState('')

  useEffect(() => {
    const root = live.current?.closest('[data-nr-listing]') as HTMLElement | null
    if (!root) return
    let busy = false
    let pushed = false

    const announce = (text: string) => {
      // Clear first, so the same words said twice are announced twice.
      setMessage('')
      window.setTimeout(() => setMessage(text), 50)
    }
    const statusText = (scope: ParentNode) => {
      const status = scope.querySelector('[data-nr-status]')
      return [status?.textContent?.trim(), status?.getAttribute('data-nr-counts')].filter(Boolean).join('. ')
    }

    /** Replaces tabs and results with those of `url`'s page. */
    const replaceFrom = async (url: string, focusType?: string) => {
      const doc = await fetchPage(url)
      const next = doc.querySelector('[data-nr-listing]')
      if (!next) return void (window.location.href = url)
      for (const part of ['[data-nr-tabs]', '[data-nr-results]']) {
        const mine = root.querySelector(part)
        const theirs = next.querySelector(part)
        if (mine && theirs) mine.replaceWith(document.importNode(theirs, true))
      }
      const type = new URL(url, window.location.href).searchParams.get('type')
      const hidden = root.querySelector<HTMLInputElement>('[data-nr-type-input]')
      if (hidden) {
        hidden.value = type ?? ''
        hidden.disabled = !type
      }
      window.history.pushState({ newsroomListing: true }, '', url)
      pushed = true
      if (focusType) root.querySelector<HTMLElement>(`[data-nr-type="${focusType}"]`)?.focus()
      announce(statusText(root))
    }

    const loadMore = async (link: HTMLAnchorElement) => {
      const list = root.querySelector('[data-nr-list]')
      const original = link.textContent
      link.textContent = loading
      link.setAttribute('aria-disabled', 'true')
      try {
        const doc = await fetchPage(link.href)
        const items = [...doc.querySelectorAll('[data-nr-list] > li')]
        if (!list || !items.length) return void (window.location.href = link.href)
        const added = items.map((li) => list.appendChild(document.importNode(li, true)))
        const nextLink = doc.querySelector<HTMLAnchorElement>('[data-nr-more]')
        if (nextLink) {
          link.href = nextLink.getAttribute('href')!
          link.textContent = original
          link.removeAttribute('aria-disabled')
        } else {
          link.remove()
        }
        const total = doc.querySelector('[data-nr-status]')?.textContent?.match(/(\d+)\D*$/)?.[1] ?? ''
        const count = list.children.length
        const visible = root.querySelector('[data-nr-status]')
        const text = showing.replace('{n}', String(count)).replace('{n}', total)
        if (visible && total) visible.textContent = text
        added[0]?.querySelector<HTMLElement>('.nr-card__title a, a')?.focus()
        announce(text)
      } catch {
        window.location.href = link.href
      }
    }

    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
      const link = (e.target as HTMLElement).closest('a')
      if (!link || !root.contains(link) || busy) return
      const more = link.hasAttribute('data-nr-more')
      if (!more && !link.hasAttribute('data-nr-nav')) return
      e.preventDefault()
      busy = true
      const done = () => void (busy = false)
      ;(more ? loadMore(link) : replaceFrom(link.href, link.getAttribute('data-nr-type') ?? undefined).catch(() => (window.location.href = link.href))).finally(done)
    }
    const onSubmit = (e: SubmitEvent) => {
      const form = e.target as HTMLFormElement
      if (!form.matches('[data-nr-filter]') || busy) return
      e.preventDefault()
      const params = new URLSearchParams()
      for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v !== '') params.append(k, v)
      const qs = params.toString()
      const url = form.action.split('?')[0] + (qs ? `?${qs}` : '')
      busy = true
      replaceFrom(url)
        .catch(() => (window.location.href = url))
        .finally(() => void (busy = false))
    }
    // Back and forward once this script has changed the page: load that URL's page again.
    const onPop = () => {
      if (pushed) window.location.reload()
    }
    root.addEventListener('click', onClick)
    root.addEventListener('submit', onSubmit)
    window.addEventListener('popstate', onPop)
    return () => {
      root.removeEventListener('click', onClick)
      root.removeEventListener('submit', onSubmit)
      window.removeEventListener('popstate', onPop)
    }
  }, [loading, showing])

  return (
    <p ref={live} className="nr-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </p>
  )
}
