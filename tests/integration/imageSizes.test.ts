import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

type Image = { url: string; alt: string; width: number; height: number; sizes: Record<string, { url: string; width: number; height: number } | null>; srcset: string }

describe.skipIf(databaseUnavailable())('image sizes: thumbnail and card, with a srcset', () => {
  let n: TestNewsroom
  let editor: string

  const upload = async (name: string, width: number, height: number) => {
    const png = await sharp({ create: { width, height, channels: 3, background: '#2a6f97' } }).png().toBuffer()
    const form = new FormData()
    // Sent under a misleading name: the upload hardening still names it after its content.
    form.append('file', new Blob([new Uint8Array(png)], { type: 'text/html' }), name)
    form.append('_payload', JSON.stringify({ alt: 'Länets karta' }))
    const res = await fetch(`${n.baseUrl}/api/media`, { method: 'POST', headers: { authorization: editor }, body: form })
    expect(res.status, await res.clone().text()).toBe(201)
    return ((await res.json()) as { doc: { id: number | string; filename: string } }).doc
  }

  beforeAll(async () => {
    n = await startNewsroom({ SERVER_URL: 'https://nyhetsrum.example.se' })
    editor = await n.editor()
    const big = await upload('karta.html', 1200, 800)
    expect(big.filename).toBe('karta.png')
    const small = await upload('liten.png', 200, 100)
    await n.payload.create({ collection: 'news', data: { _status: 'published', title: 'Stor bild', heroImage: big.id, publishedAt: '2021-02-01T00:00:00Z' } as never })
    await n.payload.create({ collection: 'news', data: { _status: 'published', title: 'Liten bild', heroImage: small.id, publishedAt: '2021-01-01T00:00:00Z' } as never })
  })
  afterAll(() => n?.close())

  const localPath = (url: string) => `${n.baseUrl}${new URL(url).pathname}`

  it('the listing gives both sizes, a srcset narrowest first, and the files are served with their sizes', async () => {
    const { items } = (await (await fetch(`${n.baseUrl}/api/newsroom/items`)).json()) as { items: { title: string; image: Image }[] }
    const image = items.find((i) => i.title === 'Stor bild')!.image
    expect(image).toMatchObject({ alt: 'Länets karta', width: 1200, height: 800 })
    expect(image.sizes.thumbnail).toMatchObject({ width: 320, height: 213 })
    expect(image.sizes.card).toMatchObject({ width: 768, height: 512 })
    expect(image.srcset).toBe(`${image.sizes.thumbnail!.url} 320w, ${image.sizes.card!.url} 768w, ${image.url} 1200w`)
    for (const s of [image.sizes.thumbnail!, image.sizes.card!]) {
      expect(s.url).toMatch(/^https:\/\/nyhetsrum\.example\.se\/api\/media\/file\/karta-\d+x\d+\.png$/)
      const res = await fetch(localPath(s.url))
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/png')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata()
      expect([meta.width, meta.height]).toEqual([s.width, s.height])
    }
  })

  it('an image narrower than the sizes is not enlarged: no sizes, the original alone in the srcset', async () => {
    const { items } = (await (await fetch(`${n.baseUrl}/api/newsroom/items`)).json()) as { items: { title: string; image: Image }[] }
    const image = items.find((i) => i.title === 'Liten bild')!.image
    expect(image.sizes).toEqual({ thumbnail: null, card: null })
    expect(image.srcset).toBe(`${image.url} 200w`)
  })

  it('the single-item endpoint gives the same image', async () => {
    const item = (await (await fetch(`${n.baseUrl}/api/newsroom/items/news/stor-bild`)).json()) as { image: Image }
    expect(item.image.srcset.split(', ')).toHaveLength(3)
    expect(item.image.sizes.card!.width).toBe(768)
  })
})
