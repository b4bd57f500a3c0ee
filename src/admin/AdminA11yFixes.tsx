'use client'

import { useTranslation } from '@payloadcms/ui'
import React, { useEffect } from 'react'

const NAMES = {
  sv: { more: 'Fler alternativ', clearDate: 'Rensa datum', selectRow: 'Välj rad', selectAll: 'Välj alla' },
  en: { more: 'More options', clearDate: 'Clear date', selectRow: 'Select row', selectAll: 'Select all' },
}

/**
 * Accessible names Payload 3.90 leaves out (axe `button-name`, `label`): its icon-only popup
 * buttons (the chevron beside "Publicera", the document's "…" menu), the date picker's clear
 * button, the list's row checkboxes, the date inputs and the rich-text editor (their label
 * points at a wrapper, or at nothing). Adds `aria-label` where an element has no name; React
 * does not manage these attributes, so it leaves them alone. A provider that renders its children.
 */
export function AdminA11yFixes({ children }: { children?: React.ReactNode }) {
  const { i18n } = useTranslation()
  const names = i18n.language === 'en' ? NAMES.en : NAMES.sv

  useEffect(() => {
    const name = (selector: string, label: string) => {
      for (const el of document.querySelectorAll<HTMLElement>(selector)) {
        if (!el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby') && !el.innerText?.trim() && !el.title) el.setAttribute('aria-label', label)
      }
    }
    const visit = () => {
      name('.popup-button', names.more)
      name('.date-time-picker__clear-button', names.clearDate)
      name('.table tbody input[type="checkbox"]:not([id^="field-"])', names.selectRow)
      name('.table thead input[type="checkbox"]', names.selectAll)
      // The date picker's input is not the element its field label points at (the label's `for` is the wrapper's id).
      // Likewise the rich-text editor's editable area (a contenteditable textbox).
      for (const input of document.querySelectorAll<HTMLElement>('.date-time-picker input:not([aria-label]), .ContentEditable__root:not([aria-label])')) {
        const label = input.closest('.field-type')?.querySelector('.field-label, label')?.textContent?.replace(/\*\s*$/, '').trim()
        if (label) input.setAttribute('aria-label', label)
      }
    }
    visit()
    const observer = new MutationObserver(visit)
    observer.observe(document.body, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [names])

  return <>{children}</>
}
