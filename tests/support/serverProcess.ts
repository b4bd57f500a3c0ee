import fs from 'node:fs'

/** The pid of the `npm start` node process serving `port` (found by its command line and PORT). */
export function serverPid(port: number): number {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8')
      const argv = cmdline.split('\0')
      if (!/(^|\/)node$/.test(argv[0]!) || !argv.includes('demo/scripts/start.ts')) continue
      const environ = fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0')
      if (environ.includes(`PORT=${port}`)) return Number(entry)
    } catch {
      // gone meanwhile, or not ours
    }
  }
  throw new Error(`no npm start process for port ${port}`)
}

/** Resident memory of a process in MB (VmRSS). */
export function rssMb(pid: number): number {
  const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m)
  if (!m) throw new Error(`no VmRSS for ${pid}`)
  return Number(m[1]) / 1024
}
