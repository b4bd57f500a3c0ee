import type { CollectionConfig, Field } from 'payload'

import type { ResolvedNewsroomOptions } from '../src/options.js'
import type { NewsroomCollectionKey } from '../src/types.js'

type Hooks = NonNullable<CollectionConfig['hooks']>

type Args = {
  options: ResolvedNewsroomOptions
  key: NewsroomCollectionKey
  /** The generated config, without the required hooks (the override sees and may replace everything else). */
  defaultConfig: CollectionConfig
  /** Hooks the collection needs to work: appended after the override's, per hook type. */
  required?: Hooks
  /** Settings kept whatever the override returns (e.g. the index's table name). */
  keep?: Partial<CollectionConfig>
}

/** Names of the data fields, looking into rows, collapsibles and unnamed tabs (where fields sit beside their siblings). */
function fieldNames(fields: Field[]): string[] {
  return fields.flatMap((f): string[] => {
    if ('name' in f && f.name) return [f.name]
    if (f.type === 'tabs') return f.tabs.flatMap((t) => ('name' in t && t.name ? [t.name] : fieldNames(t.fields)))
    return 'fields' in f ? fieldNames(f.fields) : []
  })
}

/**
 * The collection as `collections.<key>.overrides` makes it, the way Payload's plugin-search adds
 * its sync hooks to a collection: whatever the override returns, our required hooks come after
 * its own, the slug is the configured one, and no field of ours is gone. See `CollectionOverride`.
 */
export function applyOverrides({ options, key, defaultConfig, required = {}, keep = {} }: Args): CollectionConfig {
  const { slug, overrides } = options.collections[key]
  const result = overrides ? overrides({ defaultConfig }) : defaultConfig
  const where = `newsroomPlugin option "collections.${key}.overrides"`
  if (!result || typeof result !== 'object') throw new Error(`${where}: must return the collection config`)
  if (result.slug !== slug) throw new Error(`${where}: returned slug "${result.slug}"; set collections.${key}.slug instead`)
  const kept = new Set(fieldNames(result.fields ?? []))
  const missing = fieldNames(defaultConfig.fields).filter((n) => !kept.has(n))
  if (missing.length) throw new Error(`${where}: removed the field${missing.length > 1 ? 's' : ''} ${missing.map((n) => `"${n}"`).join(', ')}, which the plugin needs`)
  const hooks: Hooks = { ...result.hooks }
  for (const [type, ours] of Object.entries(required) as [keyof Hooks, unknown[]][]) {
    ;(hooks as Record<string, unknown[]>)[type] = [...((result.hooks?.[type] as unknown[] | undefined) ?? []), ...ours]
  }
  return { ...result, ...keep, slug, hooks }
}
