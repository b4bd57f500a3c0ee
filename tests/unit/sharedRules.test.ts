import { describe, expect, it } from 'vitest'

import { isEmailAddress } from '../../src/emailAddress'
import { stockholmDay, stockholmLongDate } from '../../src/stockholmDate'
import { MAX_TOPIC_DEPTH, topicAncestors, topicIdOf } from '../../src/topicAncestors'

describe('the Stockholm calendar (src/stockholmDate.ts)', () => {
  it('a UTC instant is the Stockholm day it falls on, winter and summer time alike', () => {
    expect(stockholmDay(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-16') // CET, +1
    expect(stockholmDay(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01') // CEST, +2
    expect(stockholmDay(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30')
  })

  it('the long date in Swedish and English', () => {
    expect(stockholmLongDate('2026-11-23T23:30:00Z', 'sv')).toBe('24 november 2026')
    expect(stockholmLongDate(new Date('2026-11-24T10:00:00Z'), 'en')).toBe('24 November 2026')
  })
})

describe('the e-mail rule (src/emailAddress.ts)', () => {
  it('accepts ordinary addresses, refuses what would break a header or a CSV', () => {
    for (const ok of ['anna@example.se', 'a.b+nyhetsbrev@kommun.example.se', 'åsa@exempel.se']) expect(isEmailAddress(ok), ok).toBe(true)
    for (const bad of ['', 'anna', 'anna@example', '@example.se', 'anna@@example.se', 'an na@example.se', 'anna@example.se\r\nBcc: x@y.se', '"a"@example.se', 'a,b@example.se', 'a;b@example.se', '<a@example.se>', null, 42])
      expect(isEmailAddress(bad), String(bad)).toBe(false)
    expect(isEmailAddress(`${'a'.repeat(244)}@example.se`)).toBe(false) // 255 characters
    expect(isEmailAddress(`${'a'.repeat(243)}@example.se`)).toBe(true) // 254
  })
})

describe('the topic-ancestor walk (src/topicAncestors.ts)', () => {
  const parents = new Map<string, string | null>([
    ['skola', 'utbildning'],
    ['utbildning', 'kommun'],
    ['kommun', null],
    ['a', 'b'],
    ['b', 'a'],
  ])
  const parentOf = (id: string) => parents.get(id)

  it('the topic first, then its parents up to the root', () => {
    expect(topicAncestors('skola', parentOf)).toEqual(['skola', 'utbildning', 'kommun'])
    expect(topicAncestors('kommun', parentOf)).toEqual(['kommun'])
    expect(topicAncestors('okänd', parentOf)).toEqual(['okänd'])
  })

  it('stops at a cycle and at the depth limit', () => {
    expect(topicAncestors('a', parentOf)).toEqual(['a', 'b'])
    const chain = (id: string) => String(Number(id) + 1)
    expect(topicAncestors('0', chain)).toHaveLength(MAX_TOPIC_DEPTH)
  })

  it('reads relationship values, populated or not', () => {
    expect(topicIdOf(7)).toBe('7')
    expect(topicIdOf({ id: 'x' })).toBe('x')
    expect(topicIdOf(null)).toBeNull()
  })
})
