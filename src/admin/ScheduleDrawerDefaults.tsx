'use client'

import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useEffect } from 'react'

/**
 * Payload's schedule drawer (3.90) preselects "unpublish" whenever the document has no unsaved
 * newer version, so on a draft that was never published the editor is offered to unpublish it; and
 * a few of its words are hard-coded English ("All", and react-datepicker's "Time" and
 * "Selected date:"), out of reach of translations. This watches for the drawer and, on a
 * never-published document, chooses "publish" as a click would; in Swedish it puts Swedish words
 * in place of the English ones. Renders nothing.
 */
const SWEDISH: [RegExp, string][] = [
  [/^All$/, 'Alla språk'],
  [/^Time$/, 'Tid'],
  [/^Selected date: /, 'Valt datum: '],
  [/^Selected time: /, 'Vald tid: '],
]

export function ScheduleDrawerDefaults() {
  const { hasPublishedDoc } = useDocumentInfo()
  const { i18n } = useTranslation()
  const swedish = i18n.language !== 'en'

  useEffect(() => {
    const handled = new WeakSet<Element>()
    const translate = (root: Element) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.nodeValue ?? ''
        for (const [pattern, swedishText] of SWEDISH) if (pattern.test(text)) node.nodeValue = text.replace(pattern, swedishText)
      }
    }
    const visit = () => {
      for (const drawer of document.querySelectorAll('.schedule-publish')) {
        if (!handled.has(drawer)) {
          handled.add(drawer)
          const publish = drawer.querySelector<HTMLInputElement>('.schedule-publish__type li:first-child input[type="radio"]')
          if (!hasPublishedDoc && publish && !publish.checked) publish.click()
        }
        if (swedish) translate(drawer)
      }
      // react-datepicker's popup is rendered outside the drawer.
      if (swedish) for (const popup of document.querySelectorAll('.react-datepicker, .react-datepicker__aria-live')) translate(popup)
    }
    visit()
    const observer = new MutationObserver(visit)
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
    return () => observer.disconnect()
  }, [hasPublishedDoc, swedish])

  return null
}
