import type { CollectionConfig } from 'payload'

import { nameUploadByContent } from './nameUploadByContent.js'

/**
 * An upload collection whose files are named after their detected type (see nameUploadByContent)
 * and served with `X-Content-Type-Options: nosniff`, so a browser never second-guesses the type.
 */
export function hardenUploadCollection(collection: CollectionConfig): CollectionConfig {
  if (!collection.upload) return collection
  const upload = collection.upload === true ? {} : collection.upload
  const modify = upload.modifyResponseHeaders
  return {
    ...collection,
    upload: {
      ...upload,
      modifyResponseHeaders: (args) => {
        const headers = (modify ? modify(args) : undefined) ?? args.headers
        headers.set('X-Content-Type-Options', 'nosniff')
        return headers
      },
    },
    hooks: { ...collection.hooks, beforeOperation: [nameUploadByContent, ...(collection.hooks?.beforeOperation ?? [])] },
  }
}
