'use client'

import { Button } from '@payloadcms/ui'
import React, { useState } from 'react'

type Props = {
  endpoint: string
  text: { runNow: string; frequency: string; daily: string; weekly: string; queued: string; failed: string; help: string }
}

/** Queues the digest job for the chosen frequency (`POST /api/newsroom/digest/run`). */
export function RunDigestButton({ endpoint, text }: Props) {
  const [frequency, setFrequency] = useState<'daily' | 'weekly'>('daily')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')

  const run = async () => {
    setBusy(true)
    setMessage('')
    try {
      const res = await fetch(endpoint, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ frequency }),
      })
      setMessage(res.ok ? text.queued : `${text.failed} (${res.status})`)
    } catch {
      setMessage(text.failed)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="newsroom-run-digest" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.5rem 1rem', margin: '0 0 1.5rem' }}>
      <select
        aria-label={text.frequency}
        value={frequency}
        onChange={(e) => setFrequency(e.target.value === 'weekly' ? 'weekly' : 'daily')}
        style={{ padding: '0.25rem 0.5rem', background: 'var(--theme-input-bg)', color: 'var(--theme-text)', border: '1px solid var(--theme-elevation-150)', borderRadius: 'var(--style-radius-s)' }}
      >
        <option value="daily">{text.daily}</option>
        <option value="weekly">{text.weekly}</option>
      </select>
      <Button buttonStyle="secondary" size="small" margin={false} disabled={busy} onClick={run} tooltip={text.help}>
        {text.runNow}
      </Button>
      {message && <span role="status">{message}</span>}
    </div>
  )
}
