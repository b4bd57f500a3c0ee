import { performance } from 'node:perf_hooks'

/** Median of the values (mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Nearest-rank percentile (p = 0.95 → the value below which 95 % of the samples lie). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!
}

export type Summary = { runs: number; median: number; p95: number; min: number; max: number }

export const summarize = (values: number[]): Summary => ({
  runs: values.length,
  median: median(values),
  p95: percentile(values, 0.95),
  min: Math.min(...values),
  max: Math.max(...values),
})

export const ms = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')

export const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : '–')

export const seconds = (msValue: number) => `${(msValue / 1000).toFixed(1)} s`

export type TimedCase = { name: string; run: () => Promise<unknown> }

/**
 * Times async cases: warm-up runs each (only one for a case slower than a second), then rounds in
 * which every case runs once, the order rotating each round so that drift on a noisy machine hits
 * every case alike. A slow case gets fewer runs (at least `minRuns`) so that it stays within about
 * `budgetMs`; the run count is reported with each summary.
 */
export async function timeCases(
  cases: TimedCase[],
  { warmup, runs, budgetMs = 20_000, minRuns = 3 }: { warmup: number; runs: number; budgetMs?: number; minRuns?: number },
): Promise<Map<string, Summary>> {
  const planned = new Map<string, number>()
  for (const c of cases) {
    let estimate = Infinity
    for (let i = 0; i < Math.max(1, warmup) && (i === 0 || estimate < 1_000); i++) {
      const start = performance.now()
      await c.run()
      estimate = performance.now() - start
    }
    planned.set(c.name, Math.max(Math.min(minRuns, runs), Math.min(runs, Math.floor(budgetMs / estimate))))
  }
  const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]))
  const rounds = Math.max(...planned.values())
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(k + round) % cases.length]!
      if (round >= planned.get(c.name)!) continue
      await new Promise<void>((resolve) => setImmediate(resolve)) // lets signals and timers run
      const start = performance.now()
      await c.run()
      samples.get(c.name)!.push(performance.now() - start)
    }
  }
  return new Map([...samples].map(([name, values]) => [name, summarize(values)]))
}

/** A Markdown table; the first `left` columns are left-aligned, the rest right-aligned. */
export function table(header: string[], rows: string[][], left = 1): string[] {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)))
  const line = (cells: string[]) => '| ' + cells.map((cell, i) => (i < left ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ') + ' |'
  return [line(header), '| ' + widths.map((w, i) => (i < left ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ') + ' |', ...rows.map(line)]
}
