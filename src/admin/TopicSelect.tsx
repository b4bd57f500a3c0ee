'use client'

import React from 'react'

type Props = {
  label: string
  help: string
  allLabel: string
  allHref: string
  options: { id: string; label: string; href: string }[]
  selected: string
}

/** The topic filter of the subscribers list: choosing a topic opens the list filtered by it (links made on the server). */
export function TopicSelect({ label, help, allLabel, allHref, options, selected }: Props) {
  const go = (id: string) => {
    const href = id ? options.find((o) => o.id === id)?.href : allHref
    if (href) window.location.assign(href)
  }
  return (
    <label style={{ display: 'inline-flex', alignItems: 'center', gap: '0.5rem' }} title={help}>
      <span>{label}</span>
      <select
        name="topic"
        value={selected}
        onChange={(e) => go(e.target.value)}
        style={{ padding: '0.25rem 0.5rem', background: 'var(--theme-input-bg)', color: 'var(--theme-text)', border: '1px solid var(--theme-elevation-150)', borderRadius: 'var(--style-radius-s)' }}
      >
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
}
