import fs from 'node:fs'
import path from 'node:path'

import { childEnv, run } from './run'

export type Footprint = { packages: number; bytes: number }

/** Bytes of the files in a folder, leaving out nested node_modules (those are packages of their own). */
function ownBytes(dir: string): number {
  let bytes = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory() && entry.name !== 'node_modules') bytes += ownBytes(full)
    else if (entry.isFile()) bytes += fs.statSync(full).size
  }
  return bytes
}

type LsNode = { path?: string; dependencies?: Record<string, LsNode> }

/** Every installed package folder (`npm ls --all --long`), with the folders each one depends on (peers included). */
async function installedGraph(projectDir: string): Promise<{ roots: Map<string, string>; edges: Map<string, Set<string>> }> {
  const { stdout } = await run('npm', ['ls', '--all', '--json', '--long'], { cwd: projectDir, env: childEnv() })
  const tree = JSON.parse(stdout) as LsNode
  const edges = new Map<string, Set<string>>()
  const roots = new Map<string, string>()
  const visit = (node: LsNode) => {
    for (const child of Object.values(node.dependencies ?? {})) {
      if (!child.path) continue
      if (node.path) {
        if (!edges.has(node.path)) edges.set(node.path, new Set())
        edges.get(node.path)!.add(child.path)
      }
      visit(child)
    }
  }
  for (const [name, child] of Object.entries(tree.dependencies ?? {})) if (child.path) roots.set(name, child.path)
  visit(tree)
  return { roots, edges }
}

const sum = (dirs: Iterable<string>): Footprint => {
  let packages = 0
  let bytes = 0
  for (const dir of dirs) {
    packages++
    bytes += ownBytes(dir)
  }
  return { packages, bytes }
}

/**
 * What an install put on disk (`total`), and the share only `names` need (`only`): the packages
 * reachable from those top-level dependencies and from no other one.
 */
export async function installFootprint(projectDir: string, names: string[] = []): Promise<{ total: Footprint; only: Footprint }> {
  const { roots, edges } = await installedGraph(projectDir)
  const reach = (starts: string[]) => {
    const seen = new Set<string>()
    const stack = [...starts]
    while (stack.length) {
      const dir = stack.pop()!
      if (seen.has(dir)) continue
      seen.add(dir)
      for (const next of edges.get(dir) ?? []) stack.push(next)
    }
    return seen
  }
  const mine = reach(names.map((n) => roots.get(n)).filter((p): p is string => !!p))
  const others = reach([...roots].filter(([n]) => !names.includes(n)).map(([, p]) => p))
  return { total: sum(reach([...roots.values()])), only: sum([...mine].filter((dir) => !others.has(dir))) }
}
