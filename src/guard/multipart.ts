import Busboy from 'busboy'

import { BadInput } from './badInput.js'

export type MultipartLimits = { fields: number; fieldSize: number; files: number; fileSize: number }

/** Payload's defaults (uploads/fetchAPI-multipart), overridden by the config's `upload.limits` as Payload does. */
export const multipartLimits = (upload: { limits?: Partial<MultipartLimits> } | undefined): MultipartLimits => {
  const limits: MultipartLimits = { fields: 20, fieldSize: 1024 * 1024, files: 3, fileSize: 20 * 1024 * 1024 }
  for (const [k, v] of Object.entries(upload?.limits ?? {})) if (v !== undefined) limits[k as keyof MultipartLimits] = v
  return limits
}

/**
 * Runs the buffered body through busboy, the parser Payload uses, with Payload's limits, and
 * returns the text fields and the number of file parts. Payload turns busboy's complaints (truncated form, bad part headers,
 * an unsupported multipart type) into 500s; here they are a 400, and a limit a 413.
 */
export async function checkMultipart(body: Uint8Array, headers: Headers, limits: MultipartLimits, abortOnLimit: boolean): Promise<{ fields: Record<string, string>; files: number }> {
  const fields: Record<string, string> = {}
  let files = 0
  let parser: Busboy.Busboy
  try {
    parser = Busboy({ headers: Object.fromEntries(headers), limits })
  } catch (err) {
    throw new BadInput(`body: ${(err as Error).message}; send multipart/form-data with a boundary`, 415)
  }
  await new Promise<void>((resolve, reject) => {
    const tooLarge = () => reject(new BadInput('body: a multipart limit was reached (fields, files or sizes)', 413))
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) tooLarge()
      else fields[name] = value
    })
    parser.on('file', (_name, stream) => {
      files++
      if (abortOnLimit) stream.on('limit', tooLarge)
      // A form cut off inside a file fails the file stream as well; unheard, that error would end the process.
      stream.on('error', (err: Error) => reject(new BadInput(`body: malformed multipart/form-data (${err.message})`)))
      stream.resume()
    })
    for (const event of ['filesLimit', 'fieldsLimit', 'partsLimit'] as const) parser.on(event, tooLarge)
    parser.on('error', (err: Error) => reject(new BadInput(`body: malformed multipart/form-data (${err.message})`)))
    parser.on('close', () => resolve())
    parser.end(body)
  })
  return { fields, files }
}
