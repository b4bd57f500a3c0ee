import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { TestProject } from 'vitest/node'

import { childEnv, run } from './run'

export type PackedTarball = { name: string; file: string; size: number; unpackedSize: number; entryCount: number }
export type PackedTarballs = { dir: string; plugin: PackedTarball; feeds: PackedTarball; ms: number }

declare module 'vitest' {
  export interface ProvidedContext {
    packed: PackedTarballs
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Global setup of the consumer tests: `npm pack` both packages once (prepack builds them), as a
 * release would, into a temp folder outside the repository. Both test files install from it, so
 * the build runs once and never while another file reads dist/.
 */
export default async function packTarballs(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-tarballs-'))
  const { stdout, ms } = await run('npm', ['pack', '--workspaces', '--include-workspace-root', '--pack-destination', dir, '--json'], {
    cwd: root,
    env: childEnv(),
    timeoutMs: 600_000,
  })
  // prepack's output goes to stderr with --json, so stdout is the JSON report alone.
  const report = JSON.parse(stdout) as { name: string; filename: string; size: number; unpackedSize: number; entryCount: number }[]
  const tarball = (name: string): PackedTarball => {
    const entry = report.find((r) => r.name === name)
    if (!entry) throw new Error(`npm pack made no tarball for ${name}: ${stdout}`)
    return { name, file: path.join(dir, entry.filename), size: entry.size, unpackedSize: entry.unpackedSize, entryCount: entry.entryCount }
  }
  project.provide('packed', { dir, plugin: tarball('payload-plugin-newsroom'), feeds: tarball('newsroom-feeds'), ms })
  return () => fs.rmSync(dir, { recursive: true, force: true })
}
