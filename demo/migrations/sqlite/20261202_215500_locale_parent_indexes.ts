import { sqliteLocaleParentIndexMigration } from 'payload-plugin-newsroom/migrations'

/** An index on `_parent_id` of every locales table: reading one item scanned them whole (see the plugin's localeParentIndexes.ts). */
export const { up, down } = sqliteLocaleParentIndexMigration
