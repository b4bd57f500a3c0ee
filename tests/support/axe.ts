import { createRequire } from 'node:module'

import type { Page } from 'playwright-core'

const axeSource = (): string => {
  const require = createRequire(import.meta.url)
  return require('node:fs').readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
}

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }

/** axe-core in the page, WCAG 2.1 A and AA rules only, within `include` (CSS selectors) when given. */
export async function axeViolations(page: Page, include?: string[]): Promise<AxeViolation[]> {
  // Evaluated, not a <script> tag: the admin's Content-Security-Policy allows only its own nonce.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource())
  return page.evaluate(async (selectors) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe
    const context = selectors ? { include: selectors.map((s) => [s]) } : document
    const { violations } = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }))
  }, include ?? null)
}

/** "color-contrast ×4, label ×3": a short summary for messages and the README. */
export const summarize = (violations: AxeViolation[]): string => violations.map((v) => `${v.id} ×${v.nodes.length}`).join(', ')
