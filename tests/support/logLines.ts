import type { Payload } from 'payload'
import { vi } from 'vitest'

export type LogLine = { level: number; msg?: string; err?: unknown; [k: string]: unknown }

/** pino's numeric level of `error` (and above: `fatal`). */
export const ERROR_LEVEL = 50

/**
 * Records every line Payload's pino logger writes (the JSON it hands its destination, before
 * pino-pretty formats it): what an operator would find in the log, at the level it has there.
 */
export function captureLogLines(payload: Payload) {
  const logger = payload.logger as unknown as Record<symbol, unknown>
  const streamSym = Object.getOwnPropertySymbols(logger).find((s) => s.description === 'pino.stream')
  const stream = streamSym && (logger[streamSym] as { write: (line: string) => unknown })
  if (!stream) throw new Error('no pino stream on payload.logger')
  const lines: LogLine[] = []
  const write = stream.write.bind(stream)
  vi.spyOn(stream, 'write').mockImplementation((line: string) => {
    try {
      lines.push(JSON.parse(line) as LogLine)
    } catch {
      lines.push({ level: 0, msg: line })
    }
    return write(line)
  })
  return {
    /** A position to read from later. */
    mark: () => lines.length,
    /** Lines at ERROR level or above written since `mark`. */
    errorsSince: (mark: number) => lines.slice(mark).filter((l) => l.level >= ERROR_LEVEL),
    lines,
  }
}
