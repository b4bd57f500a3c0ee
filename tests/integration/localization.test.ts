import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseUnavailable } from '../support/database'
import { startNewsroom, type TestNewsroom } from '../support/newsroom'

describe.skipIf(databaseUnavailable())('Swedish and English content with fallback', () => {
  let n: TestNewsroom
  let id: number | string

  beforeAll(async () => {
    n = await startNewsroom()
    const doc = await n.payload.create({
      collection: 'news',
      locale: 'sv',
      data: { _status: 'published', title: 'Psykisk hälsa i länet', summary: 'Svensk ingress' } as never,
    })
    id = doc.id
    await n.payload.update({ collection: 'news', id, locale: 'en', data: { _status: 'published', title: 'Mental health in the county' } as never })
  })
  afterAll(() => n?.close())

  const get = async (query: string) => {
    const res = await fetch(`${n.baseUrl}/api/news/${id}?${query}`)
    expect(res.status).toBe(200)
    return (await res.json()) as { title: string; summary: string | null }
  }

  it('Swedish is the default locale', async () => {
    expect((await get('')).title).toBe('Psykisk hälsa i länet')
  })

  it('English returns the English title', async () => {
    expect((await get('locale=en')).title).toBe('Mental health in the county')
  })

  it('a field missing in English falls back to Swedish', async () => {
    expect((await get('locale=en')).summary).toBe('Svensk ingress')
  })

  it('fallback can be turned off per request', async () => {
    expect((await get('locale=en&fallback-locale=none')).summary ?? null).toBeNull()
  })
})
