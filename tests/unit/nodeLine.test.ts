import { describe, expect, it } from 'vitest'

import { childEnv, run } from '../support/run'

const root = new URL('../..', import.meta.url).pathname

/**
 * .ci/run runs the suite on several Node lines by putting one line's bin dir first on PATH. The
 * tests spawn `node`, `npm` and `npx` (npm start, next build and start, the consumer's npm install):
 * they must all run on the line under test, or a green run on Node 22 would prove nothing.
 */
describe('processes the tests spawn run on the Node line under test', () => {
  it('the test run is on the line .ci/run asked for', () => {
    const line = process.env.NEWSROOM_NODE_LINE
    if (line) expect(process.versions.node.split('.')[0]).toBe(line)
  })

  it('`node` on PATH is this Node', async () => {
    const { stdout } = await run('node', ['-p', 'process.version'], { cwd: root, env: childEnv() })
    expect(stdout.trim()).toBe(process.version)
  })

  it('npm, and the scripts it runs, run on this Node', async () => {
    const { stdout } = await run('npm', ['version', '--json'], { cwd: root, env: childEnv() })
    expect((JSON.parse(stdout) as { node: string }).node).toBe(process.versions.node)
    const script = await run('npm', ['exec', '--offline', '-c', 'node -p process.version'], { cwd: root, env: childEnv() })
    expect(script.stdout.trim().split('\n').at(-1)).toBe(process.version)
  })

  it('npx runs on this Node', async () => {
    const { stdout } = await run('npx', ['--offline', '-c', 'node -p process.version'], { cwd: root, env: childEnv() })
    expect(stdout.trim().split('\n').at(-1)).toBe(process.version)
  })
})
