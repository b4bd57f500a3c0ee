import type { GlobalConfig } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { anyone, loggedIn } from '../access.js'
import { G } from '../texts/globals.js'
import { L } from '../texts/labels.js'

/** The accessibility statement (Tillgänglighetsredogörelse) the Swedish accessibility law (DOS-lagen) asks for, at /tillganglighet. */
export const accessibilityStatementGlobal = (options: ResolvedNewsroomOptions): GlobalConfig => ({
  slug: options.globals.accessibility.slug,
  label: G.accessibilityStatement,
  admin: { group: L.group },
  access: { read: anyone, update: loggedIn },
  fields: [
    { name: 'title', type: 'text', label: L.title, localized: true },
    { name: 'body', type: 'richText', label: L.body, localized: true },
    { name: 'reviewedAt', type: 'date', label: G.reviewedAt },
  ],
})
