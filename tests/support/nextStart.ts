import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

import { freePort } from './postgres'
import { childEnv } from './run'

export type NextServer = { baseUrl: string; log: () => string; stop: () => Promise<void> }

/** `next start` of a built project on a free loopback port; resolves once it answers `path`. */
export async function startNext(projectDir: string, env: Record<string, string>, readyPath = '/api/newsroom/health'): Promise<NextServer> {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  let output = ''
  const child: ChildProcess = spawn(path.join(projectDir, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: projectDir,
    env: childEnv({ SERVER_URL: baseUrl, ...env }) as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    process.kill(-child.pid!, 'SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL')
  }
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output.slice(-4000)}`)
    try {
      const res = await fetch(`${baseUrl}${readyPath}`)
      if (res.ok) break
    } catch {}
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`next start did not answer ${readyPath} within 120 s:\n${output.slice(-4000)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return { baseUrl, log: () => output, stop }
}
