import type { SanitizedCollectionConfig } from 'payload'

import { BadInput } from './badInput.js'

/**
 * A create with `url` and `filename` and no file makes Payload fetch that URL on the server
 * (uploads/sanitizeUploadData.js, getExternalFile.js), even where its own paste-url endpoint is
 * off; a URL that cannot be fetched was a FileRetrievalError, a 500. Payload takes the URL out of
 * the data before any hook runs, so this is checked on the request (REST and GraphQL).
 */
export function assertNoUploadFromUrl(collection: SanitizedCollectionConfig | undefined, data: unknown) {
  const upload = collection?.upload as { pasteURL?: unknown } | false | undefined
  if (!upload || upload.pasteURL || typeof data !== 'object' || data === null) return
  const { url, filename } = data as { url?: unknown; filename?: unknown }
  if (typeof url === 'string' && typeof filename === 'string') {
    throw new BadInput(`url: ${collection!.slug} does not fetch files from a URL (upload.pasteURL is off); send the file itself`)
  }
}
