import fs from 'node:fs/promises'
import path from 'node:path'

import type { SanitizedCollectionConfig } from 'payload'

import { BadInput } from './badInput.js'

/**
 * `GET /api/<uploads>/file/<name>` for a file that is not on the disk: Payload answers 500 and
 * logs "missing on the disk" at ERROR, for any name anybody asks for. A 404 here instead. Only
 * for files Payload serves from its own directory (no storage adapter handlers).
 */
export async function assertFileExists(collection: SanitizedCollectionConfig, filename: string) {
  const upload = collection.upload as { staticDir?: string; handlers?: unknown[] } | false
  if (!upload || upload.handlers?.length) return
  const dir = path.resolve(upload.staticDir || collection.slug)
  const file = path.resolve(dir, filename)
  if (!file.startsWith(dir + path.sep)) return // Payload refuses it itself (400)
  try {
    await fs.access(file)
  } catch {
    throw new BadInput(`${collection.slug}: no file "${filename}"`, 404)
  }
}
