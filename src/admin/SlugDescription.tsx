'use client'

import { useFormFields, useTranslation } from '@payloadcms/ui'
import React from 'react'

import { slugify } from '../slugify.js'
import { T } from '../texts/admin.js'
import { adminLang as lang } from '../texts/lang.js'

/**
 * The slug's help text, and a notice when the slug made from the title was taken, so the item got
 * a "-2" (or -3 …) address: the editor sees it, and can type another slug.
 */
export function SlugDescription({ fromField = 'title', path = 'slug' }: { fromField?: string; path?: string }) {
  const { i18n } = useTranslation()
  const l = lang(i18n)
  const title = useFormFields(([fields]) => fields[fromField]?.value)
  const slug = useFormFields(([fields]) => fields[path]?.value)
  const base = typeof title === 'string' ? slugify(title) : ''
  const suffix = base && typeof slug === 'string' && slug.startsWith(`${base}-`) ? slug.slice(base.length + 1) : ''
  const taken = /^\d+$/.test(suffix)
  return (
    <div className="newsroom-slug-description" style={{ marginTop: 'calc(var(--base) / 4)' }}>
      {taken ? (
        <p role="status" style={{ margin: 0, color: 'var(--theme-text)', fontWeight: 600 }}>
          {T.slugTaken[l].replace('{base}', base).replace('{slug}', slug as string)}
        </p>
      ) : null}
      {/* Payload's description grey (--theme-elevation-400) is 2.8:1 on white; WCAG wants 4.5:1. */}
      <p style={{ margin: 0, color: 'var(--theme-elevation-650)' }}>{T.slugHelp[l]}</p>
    </div>
  )
}
