import React from 'react'

const fieldStyle: React.CSSProperties = {
  width: '100%',
  padding: '0.5rem',
  font: 'inherit',
  color: 'var(--theme-text)',
  background: 'var(--theme-input-bg)',
  border: '1px solid var(--theme-elevation-400)',
  borderRadius: 'var(--style-radius-s)',
}
const helpStyle: React.CSSProperties = {
  margin: '0.25rem 0 0',
  color: 'var(--theme-elevation-650)',
}
export const errorStyle: React.CSSProperties = {
  margin: '0.25rem 0 0',
  color: 'var(--theme-error-750)',
  fontWeight: 600,
}

type Props = {
  /** The field's name; its id, help and error ids are `${idPrefix}-${name}`, `…-help`, `…-error`. */
  name: string
  idPrefix: string
  label: string
  help: string
  error?: string
  value: string
  onChange: (value: string) => void
  /** A textarea of this many rows; without it, a one-line text input. */
  rows?: number
  /** The dialog focuses the field when it opens and on an error. */
  inputRef: React.RefObject<HTMLElement | null>
}

/** A required field of the recorded-delete dialog, with its label, help text and error. */
export function RecordedDeleteButtonField({ name, idPrefix, label, help, error, value, onChange, rows, inputRef }: Props) {
  const id = `${idPrefix}-${name}`
  const control = {
    id,
    name,
    required: true,
    'aria-required': 'true' as const,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [`${id}-help`, error ? `${id}-error` : ''].filter(Boolean).join(' '),
    value,
    onChange: (e: React.ChangeEvent<HTMLTextAreaElement | HTMLInputElement>) => onChange(e.target.value),
    style: fieldStyle,
  }
  return (
    <div style={{ margin: '1rem 0' }}>
      <label htmlFor={id} style={{ display: 'block', fontWeight: 600, marginBottom: '0.25rem' }}>
        {label}
      </label>
      {rows ? (
        <textarea rows={rows} ref={inputRef as React.RefObject<HTMLTextAreaElement>} {...control} />
      ) : (
        <input type="text" ref={inputRef as React.RefObject<HTMLInputElement>} {...control} />
      )}
      <p id={`${id}-help`} style={helpStyle}>
        {help}
      </p>
      {error && (
        <p id={`${id}-error`} className="newsroom-recorded-delete__error" style={errorStyle}>
          {error}
        </p>
      )}
    </div>
  )
}
