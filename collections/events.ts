import type { CollectionConfig, Validate } from 'payload'

import type { ResolvedNewsroomOptions } from '../src/options.js'

import { L } from '../src/texts/labels.js'
import { optionalHttpUrl } from '../src/validation.js'
import { contentCollection } from './contentCollection.js'

const endNotBeforeStart: Validate = (value, { siblingData }) => {
  const start = (siblingData as { start?: string | Date })?.start
  if (!value || !start) return true
  return new Date(value as string).getTime() >= new Date(start).getTime()
    ? true
    : 'The end must not be before the start (Slutet får inte vara före starten).'
}

export const eventsCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  contentCollection({
    options,
    key: 'events',
    labels: L.events,
    graphQL: { singularName: 'Event', pluralName: 'Events' },
    extraFields: [
      {
        type: 'row',
        fields: [
          { name: 'start', type: 'date', label: L.start, required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
          { name: 'end', type: 'date', label: L.end, index: true, validate: endNotBeforeStart, admin: { date: { pickerAppearance: 'dayAndTime' } } },
          { name: 'allDay', type: 'checkbox', label: L.allDay, defaultValue: false },
        ],
      },
      {
        name: 'location',
        type: 'group',
        label: L.location,
        fields: [
          { name: 'name', type: 'text', label: L.locationName, localized: true },
          { name: 'address', type: 'text', label: L.address },
        ],
      },
      { name: 'onlineUrl', type: 'text', label: L.onlineUrl, validate: optionalHttpUrl },
      {
        name: 'registration',
        type: 'group',
        label: L.registration,
        fields: [
          { name: 'url', type: 'text', label: L.registrationUrl, validate: optionalHttpUrl },
          { name: 'deadline', type: 'date', label: L.deadline },
        ],
      },
      { name: 'organizer', type: 'text', label: L.organizer },
      {
        name: 'cancelled',
        type: 'checkbox',
        label: L.cancelled,
        defaultValue: false,
        admin: { position: 'sidebar', description: L.cancelledHelp },
      },
    ],
  })
