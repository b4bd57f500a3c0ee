import type { SanitizedCollectionConfig } from 'payload'

import { BadInput, show } from './badInput.js'
import { assertValidId, type IdType } from './idGuard.js'

type Endpoint = { method: string; path: string }

/** Matches an endpoint path template (`/versions/:id`, `/access/:id?`) against decoded path segments. */
export function matchTemplate(template: string, segments: string[]): Record<string, string> | null {
  const parts = template.split('/').filter(Boolean)
  const params: Record<string, string> = {}
  let i = 0
  for (const part of parts) {
    const optional = part.endsWith('?')
    if (part.startsWith(':')) {
      if (i < segments.length) params[part.slice(1, optional ? -1 : undefined)] = segments[i++]!
      else if (!optional) return null
    } else if (segments[i++] !== part) return null
  }
  return i === segments.length ? params : null
}

/**
 * The path parameters of the collection endpoint Payload will run (the first that matches, as
 * Payload picks it), checked before Payload uses them: a document id of the wrong type, a file
 * name the file system refuses (NUL, too long, a separator), e-mail verification that is off.
 * Each was a 500; each is a 404 here, since no such document or file can exist.
 */
export function assertPathParams(collection: SanitizedCollectionConfig, method: string, segments: string[], idType: IdType) {
  const endpoints = (collection.endpoints || []) as Endpoint[]
  for (const endpoint of endpoints) {
    if (endpoint.method.toUpperCase() !== method) continue
    const params = matchTemplate(endpoint.path, segments)
    if (!params) continue
    if (endpoint.path.startsWith('/verify/')) {
      if (!(collection.auth as { verify?: unknown } | undefined)?.verify) throw new BadInput(`${collection.slug} does not verify e-mail addresses`, 404)
      return
    }
    if (params.id !== undefined) assertValidId(params.id, idType, 'id', collection.slug, 404)
    if (params.filename !== undefined) {
      const name = params.filename
      if (!name || /[\u0000/\\]/.test(name) || Buffer.byteLength(name) > 255) throw new BadInput(`${collection.slug}: no file ${show(name)}`, 404)
    }
    return
  }
}
