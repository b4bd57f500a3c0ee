import type { CollectionConfig, Validate } from 'payload'

import type { ResolvedNewsroomOptions } from '../src/options.js'

import { L } from '../src/texts/labels.js'
import { dayAndTime, dateOnly } from '../src/admin/dateFormats.js'
import { message, optionalHttpUrl, V } from '../src/validation.js'
import { contentCollection } from './contentCollection.js'

const endNotBeforeStart: Validate = (value, options) => {
  const { siblingData } = options
  const start = (siblingData as { start?: string | Date })?.start
  if (!value || !start) return true
  return new Date(value as string).getTime() >= new Date(start).getTime()
    ? true
    : message(options, V.endBeforeStart)
}

export const eventsCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  contentCollection({
    options,
    key: 'events',
    labels: L.events,
    graphQL: { singularName: 'Event', pluralName: 'Events' },
    columns: ['start', 'end', 'location', '_status', 'scheduled', 'topics'],
    defaultSort: '-start',
    // When and where come before the body: the first thing an editor fills in for an event.
    leadFields: [
      {
        type: 'row',
        fields: [
          { name: 'start', type: 'date', label: L.start, required: true, index: true, admin: { date: dayAndTime } },
          { name: 'end', type: 'date', label: L.end, index: true, validate: endNotBeforeStart, admin: { date: dayAndTime } },
          { name: 'allDay', type: 'checkbox', label: L.allDay, defaultValue: false },
        ],
      },
      {
        name: 'location',
        type: 'group',
        label: L.location,
        admin: { components: { Cell: 'payload-plugin-newsroom/client#LocationCell' } },
        fields: [
          { name: 'name', type: 'text', label: L.locationName, localized: true },
          { name: 'address', type: 'text', label: L.address },
        ],
      },
    ],
    extraFields: [
      { name: 'onlineUrl', type: 'text', label: L.onlineUrl, validate: optionalHttpUrl },
      {
        name: 'registration',
        type: 'group',
        label: L.registration,
        fields: [
          { name: 'url', type: 'text', label: L.registrationUrl, validate: optionalHttpUrl },
          { name: 'deadline', type: 'date', label: L.deadline, admin: { date: dateOnly } },
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
