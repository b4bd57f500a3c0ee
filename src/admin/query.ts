/**
 * Bracket query strings (`where[or][0][and][0][status][equals]=active`), the form Payload's list view
 * keeps its filter in. Next hands server components the raw keys; these turn them into objects and back.
 */

type Params = Record<string, string | string[] | undefined>
type Tree = { [key: string]: Tree | string }

const MAX_INDEX = 1000

/** Parses the bracket keys of `params` that start with `root` (e.g. `where`) into a nested object; numeric keys become arrays. */
export function parseBracketParams(params: Params | undefined, root: string): unknown {
  const tree: Tree = {}
  for (const [key, raw] of Object.entries(params ?? {})) {
    if (key !== root && !key.startsWith(`${root}[`)) continue
    const path = [root, ...[...key.slice(root.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!)]
    const value = Array.isArray(raw) ? raw.at(-1) : raw
    if (value === undefined || path.some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype')) continue
    let node = tree
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value
      else node = typeof node[part] === 'object' ? (node[part] as Tree) : (node[part] = {})
    })
  }
  return arrays(tree[root])
}

function arrays(node: Tree | string | undefined): unknown {
  if (node === undefined || typeof node === 'string') return node
  const keys = Object.keys(node)
  if (keys.length && keys.every((k) => /^\d+$/.test(k) && Number(k) < MAX_INDEX)) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => arrays(node[k]))
  }
  return Object.fromEntries(keys.map((k) => [k, arrays(node[k])]))
}

/** The inverse: `{ where: { status: { equals: 'active' } } }` → `where[status][equals]=active` (URL-encoded, `&`-joined). */
export function toBracketQuery(value: Record<string, unknown>): string {
  const out: string[] = []
  const walk = (v: unknown, key: string) => {
    if (v === undefined || v === null) return
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${key}[${i}]`))
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${key}[${k}]`)
    else out.push(`${encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(String(v))}`)
  }
  for (const [k, v] of Object.entries(value)) walk(v, k)
  return out.join('&')
}
