'use client'

import type { DefaultCellComponentProps } from 'payload'

import { DefaultCell, useTranslation } from '@payloadcms/ui'
import React from 'react'

import { T } from '../texts/admin.js'
import { adminLang as lang } from '../texts/lang.js'

/** The title column: a draft without a title is "Utkast utan rubrik (nr 12)", not "<Ingen Rubrik>", and still links to its form. */
export function TitleCell(props: DefaultCellComponentProps) {
  const { i18n } = useTranslation()
  const empty = props.cellData === undefined || props.cellData === null || props.cellData === ''
  if (!empty) return <DefaultCell {...props} />
  const text = `${T.untitled[lang(i18n)]} (${lang(i18n) === 'en' ? 'no.' : 'nr'} ${props.rowData?.id})`
  return <DefaultCell {...props} className="newsroom-title-cell" cellData={text as never} />
}
