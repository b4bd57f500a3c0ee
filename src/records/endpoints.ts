import { commitTransaction, type Endpoint, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../options.js'

import { isAdminUser } from '../access.js'
import { badParameterResponse } from '../endpoints/items.js'
import { readTextLimited } from '../http/readBodyLimited.js'
import { BadParameter } from '../listing/params.js'
import { dueForReview } from './dueForReview.js'
import { exportRecordsZip } from './exportRecords.js'
import { recordedDelete, recordedDisposal } from './recordedDelete.js'

const noStore = { 'cache-control': 'no-store' }
const forbidden = () => Response.json({ errors: [{ message: 'Only an admin may do this.' }] }, { status: 403, headers: noStore })

/** Collections whose deletes go through here: news, events, press and media. */
const recordCollections = ({ collections: c }: ResolvedNewsroomOptions) => [c.news.slug, c.events.slug, c.press.slug, c.media.slug]

/** `{ reason, rule? }` from a JSON body; anything wrong is a BadParameter. */
async function readReason(req: PayloadRequest, needRule: boolean): Promise<{ reason: string; rule: string }> {
  if ((req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/json') {
    throw new BadParameter('content-type', 'must be application/json', 415)
  }
  const read = await readTextLimited(req, 20_000)
  if (!read.ok) throw new BadParameter('body', read.reason === 'too_large' ? 'must be at most 20000 bytes' : 'could not be read', read.reason === 'too_large' ? 413 : 400)
  let body: Record<string, unknown>
  try {
    body = JSON.parse(read.text)
  } catch {
    throw new BadParameter('body', 'is not valid JSON')
  }
  const reason = typeof body?.reason === 'string' ? body.reason.trim() : ''
  if (reason.length < 5 || reason.length > 5000) throw new BadParameter('reason', 'a written reason of 5 to 5000 characters is required')
  const rule = typeof body?.rule === 'string' ? body.rule.trim() : ''
  if (needRule && (rule.length < 2 || rule.length > 500)) throw new BadParameter('rule', 'name the retention rule (gallringsbeslut) the disposal follows, 2 to 500 characters')
  return { reason, rule }
}

/** Runs `fn` in a transaction of its own; a 4xx/5xx from it rolls everything back. */
async function inTransaction(req: PayloadRequest, fn: () => Promise<Response>): Promise<Response> {
  const own = await initTransaction(req)
  try {
    const res = await fn()
    if (own) res.ok ? await commitTransaction(req) : await killTransaction(req)
    return res
  } catch (err) {
    if (own) await killTransaction(req)
    throw err
  }
}

type Handler = (req: PayloadRequest, collection: string, id: string) => Promise<Response>

const guarded = (
  options: ResolvedNewsroomOptions,
  needRule: boolean,
  fn: (req: PayloadRequest, collection: string, id: string, body: { reason: string; rule: string }) => Promise<Response>,
): Handler => {
  const collections = recordCollections(options)
  return async (req, collection, id) => {
    if (!isAdminUser(req.user)) return forbidden()
    if (!collections.includes(collection)) return Response.json({ error: 'not_found', message: `no records collection "${collection}"` }, { status: 404, headers: noStore })
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return badParameterResponse(new BadParameter('id', 'is not a document id'))
    let body: { reason: string; rule: string }
    try {
      body = await readReason(req, needRule)
    } catch (err) {
      if (err instanceof BadParameter) return badParameterResponse(err)
      throw err
    }
    const idValue = req.payload.db.defaultIDType === 'number' && /^\d+$/.test(id) ? Number(id) : id
    return inTransaction(req, () => fn(req, collection, String(idValue), body))
  }
}

const routeParams = (req: PayloadRequest) => (req.routeParams ?? {}) as { collection?: string; id?: string }

const deleteHandler = (options: ResolvedNewsroomOptions) =>
  guarded(options, false, async (req, collection, id, { reason }) => {
    const idValue = req.payload.db.defaultIDType === 'number' ? Number(id) : id
    const done = await recordedDelete(req, options, collection, idValue, reason)
    if (!done) return Response.json({ error: 'not_found', message: `no ${collection} document with id ${id}` }, { status: 404, headers: noStore })
    return Response.json({ ok: true, deleted: { collection, id }, ...done }, { headers: noStore })
  })

const disposeHandler = (options: ResolvedNewsroomOptions) =>
  guarded(options, true, async (req, collection, id, { reason, rule }) => {
    const idValue = req.payload.db.defaultIDType === 'number' ? Number(id) : id
    const stillThere = await req.payload.findByID({ collection, id: idValue, depth: 0, draft: true, overrideAccess: true, req, disableErrors: true })
    if (stillThere) {
      return Response.json({ error: 'conflict', message: 'the document still exists: delete it first (POST …/delete with a reason), then dispose of its retained versions' }, { status: 409, headers: noStore })
    }
    const done = await recordedDisposal(req, options, collection, id, reason, rule)
    if (!done.disposedVersions) return Response.json({ error: 'not_found', message: `no retained versions of ${collection} ${id}` }, { status: 404, headers: noStore })
    return Response.json({ ok: true, ...done }, { headers: noStore })
  })

/** `from`/`to` of the export: ISO dates; the listing's parser gives the same messages. */
function exportRange(req: PayloadRequest) {
  const sp = new URL(req.url ?? 'http://x/').searchParams
  const date = (name: 'from' | 'to') => {
    const raw = sp.get(name)
    if (!raw) return undefined
    const d = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(raw) ? new Date(raw.length === 10 ? `${raw}T${name === 'to' ? '23:59:59.999' : '00:00:00.000'}Z` : raw) : new Date(NaN)
    if (Number.isNaN(d.getTime())) throw new BadParameter(name, `"${raw}" is not an ISO date such as 2026-04-20`)
    return d
  }
  const range = { from: date('from'), to: date('to') }
  if (range.from && range.to && range.from > range.to) throw new BadParameter('from', 'must not be after to')
  return range
}

/** The records' admin endpoints: export, recorded delete and disposal, the review-due list. */
export function recordsEndpoints(options: ResolvedNewsroomOptions): Endpoint[] {
  const onDelete = deleteHandler(options)
  const onDispose = disposeHandler(options)
  return [
    {
      path: '/newsroom/records/export',
      method: 'get',
      handler: async (req) => {
        if (!isAdminUser(req.user)) return forbidden()
        let range
        try {
          range = exportRange(req)
        } catch (err) {
          if (err instanceof BadParameter) return badParameterResponse(err)
          throw err
        }
        const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')
        return new Response(exportRecordsZip(req.payload, options, range), {
          headers: { ...noStore, 'content-type': 'application/zip', 'content-disposition': `attachment; filename="newsroom-records-${stamp}.zip"` },
        })
      },
    },
    {
      path: '/newsroom/records/:collection/:id/delete',
      method: 'post',
      handler: (req) => onDelete(req, routeParams(req).collection ?? '', routeParams(req).id ?? ''),
    },
    {
      path: '/newsroom/records/:collection/:id/dispose',
      method: 'post',
      handler: (req) => onDispose(req, routeParams(req).collection ?? '', routeParams(req).id ?? ''),
    },
    {
      path: '/newsroom/records/review-due',
      method: 'get',
      handler: async (req) => {
        if (!isAdminUser(req.user)) return forbidden()
        return Response.json({ items: await dueForReview(req.payload, options) }, { headers: noStore })
      },
    },
  ]
}
