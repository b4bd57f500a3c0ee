import path from 'node:path'

import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'
import { type CollectionBeforeOperationHook, ValidationError } from 'payload'

/** Extensions that name the same type as the one file-type reports (which gives `jpg`, `tif`, …). */
const SAME_TYPE: Record<string, string[]> = { jpg: ['jpeg', 'jpe', 'jfif'], tif: ['tiff'], heic: ['heif'], mp4: ['m4v'] }

/** `image/*` style matching, as Payload's `mimeTypes` option means it. */
const allows = (allowed: string[], mime: string) => allowed.some((a) => (a.endsWith('/*') ? mime.startsWith(a.slice(0, -1)) : a === mime))

/** `name` with its extension replaced by `ext`, unless it already is `ext` (or a spelling of it). */
export function nameForType(name: string, ext: string): string {
  const current = path.extname(name).slice(1).toLowerCase()
  if (current === ext || SAME_TYPE[ext]?.includes(current)) return name
  const base = current ? name.slice(0, -(current.length + 1)) : name
  return `${base || 'file'}.${ext}`
}

/**
 * Payload stores an upload under the name the client chose: PNG bytes sent as `poly.html` were
 * served as image/png by Payload but lay on disk as `media/poly.html`, which any other server of
 * that directory (nginx, a CDN, a download) would hand out as HTML. Payload detects the type from
 * the bytes (file-type) but keeps the extension. Before create and update, this renames the file
 * after the detected type, and refuses a detected type the collection does not allow. Content
 * file-type cannot recognise (SVG, XML, text) is left to Payload, which inspects SVG and judges
 * the rest by extension (`x.png` that is not a PNG counts as text/plain and is refused).
 */
export const nameUploadByContent: CollectionBeforeOperationHook = async ({ collection, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.file || !collection.upload) return
  const file = req.file
  const detected = file.tempFilePath && !file.data?.length ? await fileTypeFromFile(file.tempFilePath) : await fileTypeFromBuffer(file.data)
  if (!detected || detected.mime === 'application/xml') return
  const allowed = typeof collection.upload === 'object' ? (collection.upload.mimeTypes ?? []) : []
  if (allowed.length && !allows(allowed, detected.mime)) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: 'file', message: `The file is ${detected.mime} (by its content), which is not allowed here; allowed: ${allowed.join(', ')}.` }],
    })
  }
  file.name = nameForType(file.name, detected.ext)
  file.mimetype = detected.mime
}
