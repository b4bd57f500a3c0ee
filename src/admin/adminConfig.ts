import type { Config } from 'payload'

import { CURRENT_VIEW_PATH } from './currentViewPath.js'
import { DATE_TIME_FORMAT } from './dateFormats.js'
import { adminTranslations } from './translations.js'

export const STOCKHOLM = 'Europe/Stockholm'

type Translations = NonNullable<NonNullable<Config['i18n']>['translations']>

/** Deep merge of translation objects: the app's own texts win over the plugin's. */
function mergeTranslations(ours: Translations, theirs: Translations | undefined): Translations {
  const out: Record<string, Record<string, Record<string, string>>> = structuredClone(ours) as never
  for (const [language, namespaces] of Object.entries(theirs ?? {})) {
    for (const [namespace, keys] of Object.entries(namespaces as Record<string, Record<string, string>>)) {
      out[language] ??= {}
      out[language][namespace] = { ...out[language][namespace], ...keys }
    }
  }
  return out as Translations
}

/**
 * The newsroom's admin defaults, each only where the app sets none: dates in the admin
 * language's own format (24-hour in Swedish), Stockholm time for scheduling, Swedish texts
 * that read right, and the editor's dashboard before Payload's collection cards.
 */
export function withAdminDefaults(config: Config): Config {
  const admin = config.admin ?? {}
  const timezones = admin.timezones ?? {}
  return {
    ...config,
    admin: {
      ...admin,
      dateFormat: admin.dateFormat ?? DATE_TIME_FORMAT,
      timezones: {
        ...timezones,
        supportedTimezones:
          timezones.supportedTimezones ?? (({ defaultTimezones }) => [{ label: 'Stockholm', value: STOCKHOLM }, ...defaultTimezones.filter((t) => t.value !== STOCKHOLM)]),
        defaultTimezone: timezones.defaultTimezone ?? (timezones.supportedTimezones ? undefined : STOCKHOLM),
      },
      components: {
        ...admin.components,
        beforeDashboard: [...(admin.components?.beforeDashboard ?? []), 'payload-plugin-newsroom/rsc#EditorDashboard'],
        providers: [...(admin.components?.providers ?? []), 'payload-plugin-newsroom/client#AdminA11yFixes'],
        afterNavLinks: [...(admin.components?.afterNavLinks ?? []), 'payload-plugin-newsroom/rsc#CurrentNavLink'],
        views: {
          ...admin.components?.views,
          newsroomCurrent: { Component: 'payload-plugin-newsroom/rsc#CurrentView', path: CURRENT_VIEW_PATH, exact: true },
        },
      },
    },
    i18n: { ...config.i18n, translations: mergeTranslations(adminTranslations as Translations, config.i18n?.translations) },
  }
}
