import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { node20Workarounds } from '../support/node20Workarounds'

const root = path.resolve(import.meta.dirname, '../..')
const SKIP = new Set(['node_modules', '.next', 'dist', '.git', 'data', 'media'])
const SELF = new Set(['tests/support/node20Workarounds.ts', 'tests/unit/node20Workarounds.test.ts'])

/** Code files of the repository (not the README, which explains the workarounds). */
function codeFiles(dir = ''): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name)
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : codeFiles(rel)
    return /\.(ts|tsx|mts|mjs|js|json|sh)$|^\.ci\/run$/.test(rel) && rel !== 'package-lock.json' && !SELF.has(rel) ? [rel] : []
  })
}

/** Where a flag occurs: files, and package.json scripts as `package.json#name`. */
function placesOf(flag: string): string[] {
  const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
  const inScripts = Object.entries(scripts).flatMap(([name, command]) => (command.includes(flag) ? [`package.json#${name}`] : []))
  const inFiles = codeFiles().filter((file) => file !== 'package.json' && fs.readFileSync(path.join(root, file), 'utf8').includes(flag))
  return [...inScripts, ...inFiles].sort()
}

describe('the Node 20 workarounds are all listed in tests/support/node20Workarounds.ts', () => {
  for (const [name, workaround] of Object.entries(node20Workarounds)) {
    if ('flag' in workaround) {
      it(`${name}: every place that passes ${workaround.flag} is listed, and every listed place passes it`, () => {
        expect(placesOf(workaround.flag)).toEqual([...workaround.where].sort())
      })
    } else {
      it(`${name}: every listed file still says so`, () => {
        for (const file of workaround.where) expect(fs.readFileSync(path.join(root, file), 'utf8'), file).toMatch(/top-level await/i)
      })
    }
  }
})
