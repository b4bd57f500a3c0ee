import type { DatabaseAdapterObj, Payload } from 'payload'

import { wordIndexPresent } from './facets.js'

export type SearchGuardOptions = { allowPush: boolean; allowSlowSearch: boolean }

const MIGRATIONS_HELP = 'run the plugin\'s search migration (`sqliteSearchMigration` / `postgresSearchMigration` from payload-plugin-newsroom/migrations, see the README)'

const pushes = (adapter: { name?: string; push?: boolean }) =>
  (adapter.name === 'sqlite' || adapter.name === 'postgres') &&
  adapter.push !== false &&
  process.env.NODE_ENV !== 'production' &&
  process.env.PAYLOAD_MIGRATING !== 'true'

/**
 * Dev-mode schema push (drizzle) knows only Payload's tables: it offers to drop the word index
 * (tables, FTS5 shadow tables, triggers), and from then on every publish fails. SQLite's adapter
 * has no `tablesFilter` to make it leave them alone, so the plugin refuses to start with push on,
 * before the adapter connects (and pushes). `search.allowPush` starts anyway (a scratch database).
 */
export function guardSchemaPush(db: DatabaseAdapterObj, options: SearchGuardOptions): DatabaseAdapterObj {
  if (options.allowPush) return db
  return {
    ...db,
    init: (args) => {
      const adapter = db.init(args)
      if (pushes(adapter as { name?: string; push?: boolean })) {
        throw new Error(
          `newsroomPlugin: the database adapter pushes its schema in development, which would drop the newsroom's word index. ` +
            `Set \`push: false\` on the adapter (${adapter.name}Adapter({ …, push: false })) and use migrations: \`payload migrate:create\`, then ${MIGRATIONS_HELP}. ` +
            'For a throwaway database, `newsroomPlugin({ search: { allowPush: true } })` starts anyway, without the word index.',
        )
      }
      return adapter
    },
  }
}

/**
 * At start-up: without the word index (a database made without the plugin's search migration)
 * searches fall back to a LIKE over every search text, correct but slow at scale. Development:
 * a warning naming the fix. Production: a refusal to start, unless `search.allowSlowSearch`.
 */
export async function checkWordIndex(payload: Payload, options: SearchGuardOptions): Promise<void> {
  const present = await wordIndexPresent(payload)
  if (present !== false) return // there, or not an SQL database (MongoDB counts through Payload)
  const message = `newsroomPlugin: the database has no word index, so searches are counted with a slow LIKE scan; ${MIGRATIONS_HELP}.`
  if (process.env.NODE_ENV === 'production' && !options.allowSlowSearch) {
    throw new Error(`${message} To start without it anyway, set newsroomPlugin({ search: { allowSlowSearch: true } }).`)
  }
  payload.logger.warn(message)
}
