import fs from 'node:fs'

/**
 * Wall-clock times of the steps of a long test (install, build, migrate, …), printed when the
 * file ends and, with CONSUMER_REPORT=<file>, appended there as JSON lines, for the README's
 * figures. Nothing asserts on them.
 */
export class StepTimes {
  private readonly rows: { step: string; ms: number; note?: string }[] = []

  constructor(private readonly title: string) {}

  async time<T>(step: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now()
    try {
      return await work()
    } finally {
      this.rows.push({ step, ms: Math.round(performance.now() - started) })
    }
  }

  note(step: string, note: string, ms = 0) {
    this.rows.push({ step, ms, note })
  }

  report() {
    const lines = this.rows.map((r) => `  ${r.step.padEnd(48)} ${(r.ms / 1000).toFixed(1).padStart(7)} s${r.note ? `  ${r.note}` : ''}`)
    console.log(`${this.title}\n${lines.join('\n')}`)
    const file = process.env.CONSUMER_REPORT
    if (file) fs.appendFileSync(file, `${JSON.stringify({ title: this.title, at: new Date().toISOString(), rows: this.rows })}\n`)
  }
}
