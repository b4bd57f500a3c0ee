import fs from 'node:fs'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

type MediaDoc = { id: number | string; filename: string; url: string; mimeType: string }

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n', 'latin1')
// A Windows executable's first bytes ("MZ" + PE header offset), as file-type recognises them.
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x40, 0, 0, 0]), Buffer.from('PE\0\0'), Buffer.alloc(200)])

describe.skipIf(databaseUnavailable())('uploads are stored under a name that follows their content', () => {
  let n: TestNewsroom
  let editor: string
  let staticDir: string
  let png: Buffer

  const upload = (name: string, bytes: Buffer, type: string, opts: { method?: 'POST' | 'PATCH'; id?: string | number } = {}) => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
    form.append('_payload', JSON.stringify({ alt: 'Testbild' }))
    return fetch(`${n.baseUrl}/api/media${opts.id ? `/${opts.id}` : ''}`, { method: opts.method ?? 'POST', headers: { authorization: editor }, body: form })
  }
  const created = async (res: Response) => {
    expect(res.status, await res.clone().text()).toBe(201)
    return ((await res.json()) as { doc: MediaDoc }).doc
  }

  beforeAll(async () => {
    n = await startNewsroom()
    editor = await n.editor('editor')
    staticDir = (n.payload.collections.media.config.upload as { staticDir: string }).staticDir
    png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#2a6f97' } }).png().toBuffer()
  })
  afterAll(async () => {
    await n?.close()
  })

  it('a PNG sent as poly.html is stored, listed and served as poly.png (image/png)', async () => {
    const doc = await created(await upload('poly.html', png, 'text/html'))
    expect(doc.filename).toBe('poly.png')
    expect(doc.url).toMatch(/\/poly\.png$/)
    expect(doc.mimeType).toBe('image/png')
    expect(fs.readdirSync(staticDir)).toContain('poly.png')
    expect(fs.readdirSync(staticDir).filter((f) => f.startsWith('poly.') && !f.endsWith('.png'))).toEqual([])
    const served = await fetch(`${n.baseUrl}${new URL(doc.url, n.baseUrl).pathname}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true)
  })

  it('a PDF named .png becomes .pdf; a matching extension (.jpeg for a JPEG) is kept', async () => {
    const pdf = await created(await upload('rapport.png', PDF, 'image/png'))
    expect(pdf.filename).toBe('rapport.pdf')
    expect(pdf.mimeType).toBe('application/pdf')
    expect(fs.existsSync(`${staticDir}/rapport.pdf`)).toBe(true)
    const jpeg = await sharp(png).jpeg().toBuffer()
    const photo = await created(await upload('Foto.JPEG', jpeg, 'image/jpeg'))
    expect(photo.filename).toBe('Foto.JPEG')
  })

  it('replacing the file of an existing document follows the new content too', async () => {
    const doc = await created(await upload('ersatt.png', png, 'image/png'))
    const res = await upload('ersatt.png', PDF, 'image/png', { method: 'PATCH', id: doc.id })
    expect(res.status, await res.clone().text()).toBe(200)
    const updated = ((await res.json()) as { doc: MediaDoc }).doc
    expect(updated.filename).toBe('ersatt.pdf')
    expect(fs.existsSync(`${staticDir}/ersatt.pdf`)).toBe(true)
  })

  it('content of a type the collection does not allow is refused with a 400 naming the file, whatever its name', async () => {
    for (const [name, bytes] of [
      ['bild.png', EXE],
      ['sida.html', Buffer.from('<!doctype html><script>alert(1)</script>')],
      ['bild2.png', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ] as const) {
      const before = fs.readdirSync(staticDir).length
      const res = await upload(name, bytes, 'image/png')
      expect(res.status, name).toBe(400)
      const body = (await res.json()) as { errors: { data?: { errors?: { path: string; message: string }[] } }[] }
      expect(body.errors[0]!.data!.errors![0]!.path).toBe('file')
      expect(fs.readdirSync(staticDir).length).toBe(before)
    }
  })
})

describe.skipIf(databaseUnavailable())('document locks belong to whoever takes them', () => {
  let n: TestNewsroom
  let editor: string
  let editorId: number | string
  let otherId: number | string
  let newsId: number | string

  const lock = (body: unknown, method = 'POST', id?: number | string) =>
    fetch(`${n.baseUrl}/api/payload-locked-documents${id ? `/${id}` : ''}`, {
      method,
      headers: { authorization: editor, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  beforeAll(async () => {
    n = await startNewsroom({}, { key: 'uploads-locks' })
    editorId = (await n.payload.create({ collection: 'users', data: { email: 'lasare@example.se', password: 'eget-lösenord-1', roles: ['editor'] } as never })).id
    editor = await n.login('lasare@example.se', 'eget-lösenord-1')
    const other = await n.payload.create({ collection: 'users', data: { email: 'annan@example.se', password: 'annat-lösenord-1', roles: ['editor'] } as never })
    otherId = other.id
    newsId = (await n.payload.create({ collection: 'news', data: { title: 'Låst nyhet' } as never })).id
  })
  afterAll(async () => {
    await n?.close()
  })

  it("an editor cannot create a lock in another user's name", async () => {
    const res = await lock({ document: { relationTo: 'news', value: newsId }, user: { relationTo: 'users', value: otherId } })
    expect(res.status).toBe(403)
    const rows = await n.payload.find({ collection: 'payload-locked-documents', overrideAccess: true })
    expect(rows.totalDocs).toBe(0)
  })

  it("an editor's own lock works, and moving another user's lock to them is refused; taking it over is allowed", async () => {
    const mine = await lock({ document: { relationTo: 'news', value: newsId }, user: { relationTo: 'users', value: editorId } })
    expect(mine.status).toBe(201)
    const theirs = await n.payload.create({
      collection: 'payload-locked-documents',
      data: { document: { relationTo: 'news', value: newsId }, user: { relationTo: 'users', value: otherId } } as never,
    })
    expect((await lock({ globalSlug: 'x' }, 'PATCH', theirs.id)).status).toBe(403)
    const ownLock = ((await mine.json()) as { doc: { id: number } }).doc.id
    expect((await lock({ user: { relationTo: 'users', value: otherId } }, 'PATCH', ownLock)).status).toBe(403)
    // The admin's "take over" is a PATCH that sets the user to oneself.
    expect((await lock({ user: { relationTo: 'users', value: editorId } }, 'PATCH', theirs.id)).status).toBe(200)
  })
})
