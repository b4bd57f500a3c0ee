'use client'

import { Button, useAuth, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useId, useRef, useState } from 'react'
import { createPortal } from 'react-dom'

import { isAdminUser } from '../access.js'
import { adminLang as lang } from '../texts/lang.js'
import { RD } from '../texts/records.js'
import { errorStyle, RecordedDeleteButtonField } from './RecordedDeleteButtonField.js'

type Props = {
  /** `delete`: on an item's (or a file's) edit view; `dispose`: on a retained version or a "delete" audit row. */
  mode?: 'delete' | 'dispose'
  /** Where to go afterwards: the audit log, filtered to the document. */
  auditLogSlug?: string
}

type Errors = { reason?: string; rule?: string; form?: string }

/**
 * An admin's delete of a document that has ever been published, or disposal of a deleted
 * document's retained versions, with a written reason (and, for disposal, the retention rule):
 * a modal dialog that posts to the records endpoints. Shown to admins only (the endpoints refuse
 * anyone else); Payload's own Delete stays refused for such documents.
 */
export function RecordedDeleteButton({ mode = 'delete', auditLogSlug = 'newsroom-audit-log' }: Props) {
  const { user } = useAuth()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const info = useDocumentInfo()
  const l = lang(i18n)
  const target = {
    collection: useFormFields(([fields]) => fields.collection?.value) as string | undefined,
    document: useFormFields(([fields]) => fields.document?.value) as string | undefined,
    action: useFormFields(([fields]) => fields.action?.value) as string | undefined,
  }
  const ids = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const opener = useRef<HTMLDivElement>(null)
  const reasonRef = useRef<HTMLElement>(null)
  const ruleRef = useRef<HTMLElement>(null)
  const [reason, setReason] = useState('')
  const [rule, setRule] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)
  const [mounted, setMounted] = useState(false)
  useEffect(() => setMounted(true), [])

  const dispose = mode === 'dispose'
  const collection = dispose ? target.collection : info.collectionSlug
  const docId = dispose ? target.document : info.id == null ? undefined : String(info.id)
  if (!isAdminUser(user as never) || !collection || !docId) return null
  // On the audit log, only a "delete" row leads to a disposal.
  if (dispose && info.collectionSlug === auditLogSlug && target.action !== 'delete') return null

  const id = (name: string) => `${ids}-${name}`
  const open = () => {
    setErrors({})
    dialog.current?.showModal()
    reasonRef.current?.focus()
  }
  const close = () => {
    dialog.current?.close()
  }
  // Focus goes back to the button that opened the dialog, however it was closed (Escape too).
  const onClose = () => opener.current?.querySelector('button')?.focus()

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    // React sends a submit up its own tree: Payload's document form must not see this one.
    e.stopPropagation()
    const found: Errors = {}
    const r = reason.trim()
    if (r.length < 5 || r.length > 5000) found.reason = RD.reasonMissing[l]
    if (dispose && (rule.trim().length < 2 || rule.trim().length > 500)) found.rule = RD.ruleMissing[l]
    setErrors(found)
    if (found.reason) return reasonRef.current?.focus()
    if (found.rule) return ruleRef.current?.focus()
    setBusy(true)
    try {
      const res = await fetch(
        `${config.serverURL ?? ''}${config.routes.api}/newsroom/records/${encodeURIComponent(collection)}/${encodeURIComponent(docId)}/${dispose ? 'dispose' : 'delete'}`,
        {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(dispose ? { reason: r, rule: rule.trim() } : { reason: r }),
        },
      )
      if (res.ok) {
        const qs = new URLSearchParams({
          'where[and][0][collection][equals]': collection,
          'where[and][1][document][equals]': docId,
        })
        window.location.assign(`${config.routes.admin}/collections/${auditLogSlug}?${qs}`)
        return
      }
      const body = (await res.json().catch(() => ({}))) as {
        parameter?: string
      }
      if (res.status === 400 && body.parameter === 'reason') return (setErrors({ reason: RD.reasonMissing[l] }), reasonRef.current?.focus())
      if (res.status === 400 && body.parameter === 'rule') return (setErrors({ rule: RD.ruleMissing[l] }), ruleRef.current?.focus())
      const form = res.status === 403 ? RD.forbidden[l] : res.status === 404 ? RD.notFound[l] : res.status === 409 ? RD.conflict[l] : `${RD.failed[l]} (${res.status})`
      setErrors({ form })
    } catch {
      setErrors({ form: RD.failed[l] })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="newsroom-recorded-delete" ref={opener}>
      <Button buttonStyle="secondary" size="small" margin={false} onClick={open}>
        {dispose ? RD.disposeButton[l] : RD.deleteButton[l]}
      </Button>
      {mounted &&
        createPortal(
          <dialog
            ref={dialog}
            className="newsroom-recorded-delete__dialog"
            aria-labelledby={id('title')}
            aria-describedby={id('intro')}
            onClose={onClose}
            style={{
              maxWidth: '36rem',
              width: 'calc(100% - 2rem)',
              padding: '1.5rem',
              color: 'var(--theme-text)',
              background: 'var(--theme-bg)',
              border: '1px solid var(--theme-elevation-400)',
              borderRadius: 'var(--style-radius-m)',
            }}
          >
            <form noValidate onSubmit={submit}>
              <h2 id={id('title')} style={{ marginTop: 0 }}>
                {dispose ? RD.disposeTitle[l] : RD.deleteTitle[l]}
              </h2>
              <p id={id('intro')}>{dispose ? RD.disposeIntro[l] : RD.deleteIntro[l]}</p>
              <RecordedDeleteButtonField
                name="reason"
                idPrefix={ids}
                label={RD.reason[l]}
                help={RD.reasonHelp[l]}
                error={errors.reason}
                value={reason}
                onChange={setReason}
                rows={4}
                inputRef={reasonRef}
              />
              {dispose && (
                <RecordedDeleteButtonField
                  name="rule"
                  idPrefix={ids}
                  label={RD.rule[l]}
                  help={RD.ruleHelp[l]}
                  error={errors.rule}
                  value={rule}
                  onChange={setRule}
                  inputRef={ruleRef}
                />
              )}
              <div role="alert" className="newsroom-recorded-delete__alert" style={errors.form ? errorStyle : undefined}>
                {errors.form ?? ''}
              </div>
              <div
                style={{
                  display: 'flex',
                  gap: '0.75rem',
                  justifyContent: 'flex-end',
                  marginTop: '1rem',
                }}
              >
                <Button buttonStyle="secondary" size="small" margin={false} onClick={close} type="button">
                  {RD.cancel[l]}
                </Button>
                <Button buttonStyle="primary" size="small" margin={false} type="submit" disabled={busy}>
                  {busy ? RD.busy[l] : dispose ? RD.confirmDispose[l] : RD.confirmDelete[l]}
                </Button>
              </div>
            </form>
          </dialog>,
          // Outside Payload's document <form>, which holds the document controls.
          document.body,
        )}
    </div>
  )
}
