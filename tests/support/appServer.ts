import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from './postgres'

export type AppServer = { baseUrl: string; dir: string; log: () => string; stop: () => Promise<void> }

/** Runs `npm start` (demo/scripts/start.ts) on a temp SQLite file, as a newcomer would, and waits until it is ready. */
export async function startAppServer(env: Record<string, string> = {}): Promise<AppServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-app-'))
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  let output = ''
  const child: ChildProcess = spawn('npm', ['start'], {
    env: {
      ...process.env,
      PORT: String(port),
      SERVER_URL: baseUrl,
      DATABASE_URL: `file:${path.join(dir, 'newsroom.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Newsroom ready')) {
        clearInterval(timer)
        resolve()
      }
    }, 200)
    child.on('exit', (code) => {
      clearInterval(timer)
      reject(new Error(`server exited with ${code}:\n${output.slice(-4000)}`))
    })
  })
  return {
    baseUrl,
    dir,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        process.kill(-child.pid!, 'SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
        if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL')
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
