/** A small seeded generator (mulberry32): the same seed gives the same sequence of requests. */
export class Random {
  private state: number

  constructor(readonly seed: number) {
    this.state = seed >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!
  }

  /** Picks by weight: `[[3, a], [1, b]]` gives a three times as often as b. */
  weighted<const C extends readonly (readonly [number, unknown])[]>(choices: C): C[number][1] {
    let r = this.next() * choices.reduce((s, [w]) => s + w, 0)
    for (const [w, v] of choices) if ((r -= w) < 0) return v
    return choices.at(-1)![1]
  }

  /** Up to `max` distinct items, in random order. */
  some<T>(items: readonly T[], max = items.length): T[] {
    const copy = [...items]
    const out: T[] = []
    const n = this.int(Math.min(max, copy.length) + 1)
    while (out.length < n) out.push(copy.splice(this.int(copy.length), 1)[0]!)
    return out
  }
}

/** The seed CI runs: the same 2500 requests every time, so the suite stays a gate. */
export const DEFAULT_SEED = 1

/** FUZZ_SEED: a number to replay a run, `random` to explore with a fresh seed; else DEFAULT_SEED. */
export function fuzzSeed(): number {
  const env = process.env.FUZZ_SEED
  if (env === 'random') return Math.floor(Math.random() * 2 ** 32)
  return env ? Number(env) >>> 0 : DEFAULT_SEED
}
