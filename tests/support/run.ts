import { spawn } from 'node:child_process'

/** An environment for a child process (no NODE_ENV unless given: the tools choose their own). */
export type ChildEnv = Record<string, string>

export type RunResult = { stdout: string; stderr: string; ms: number }

/**
 * The environment a child tool gets: this process's, without what vitest and an outer `npm test`
 * put there for themselves (NODE_ENV=test, NODE_OPTIONS, the VITEST and Vite mode variables,
 * npm's per-script variables such as npm_config_local_prefix, which points at this repository)
 * and without this app's own settings, which would otherwise leak into a consumer's
 * `npm install`, `payload` or `next build`. Proxy, CA and registry settings stay.
 */
export function childEnv(extra: Record<string, string | undefined> = {}): ChildEnv {
  const drop =
    /^(NODE_ENV|NODE_OPTIONS|INIT_CWD|TEST|TEST_DB|MODE|DEV|PROD|SSR|BASE_URL|VITEST.*|npm_package_.*|npm_lifecycle_.*|npm_command|npm_config_local_prefix|DATABASE_URL|PAYLOAD_SECRET|SERVER_URL|PORT|MEDIA_DIR|SMTP_URL)$/
  const env: ChildEnv = { NEXT_TELEMETRY_DISABLED: '1' }
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !drop.test(key)) env[key] = value
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) env[key] = value
  return env
}

/** Runs a command to completion; rejects with the tail of its output when it fails or outlives `timeoutMs`. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: ChildEnv; timeoutMs?: number },
): Promise<RunResult> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: (options.env ?? childEnv()) as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = options.timeoutMs
      ? setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL')
          } catch {}
        }, options.timeoutMs)
      : undefined
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const ms = performance.now() - started
      if (code === 0) return resolve({ stdout, stderr, ms })
      const tail = `${stdout}\n${stderr}`.trim().slice(-6000)
      reject(new Error(`${command} ${args.join(' ')} (in ${options.cwd}) exited with ${signal ?? code} after ${Math.round(ms / 1000)} s:\n${tail}`))
    })
  })
}
