'use client'

import type { DefaultCellComponentProps } from 'payload'

import React from 'react'

/** The events list's "Plats" column: the place's name and address (Payload shows no column for a group without a cell). */
export function LocationCell({ cellData }: DefaultCellComponentProps) {
  const place = (cellData ?? {}) as { name?: string | null; address?: string | null }
  const text = [place.name, place.address].filter(Boolean).join(', ')
  return text ? <span>{text}</span> : null
}
