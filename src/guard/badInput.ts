import { APIError } from 'payload'

/** The error name the plugin maps to log level `info` (Payload logs other errors, including its own 400s, at `error`). */
export const BAD_INPUT = 'NewsroomBadInput'

/**
 * A client's mistake: Payload answers it with `status` and `{ errors: [{ message }] }` (REST) or a
 * GraphQL error with `extensions.statusCode`, and logs only the message, at `info`.
 */
export class BadInput extends APIError {
  constructor(message: string, status = 400) {
    super(message, status, null, true)
    // Set by hand: a minifier may rename the class, and Payload picks the log level by `err.name`.
    this.name = BAD_INPUT
  }
}

/** A short, safe rendering of a client's value for an error message. */
export function show(value: unknown): string {
  let s: string
  try {
    s = typeof value === 'number' || typeof value === 'bigint' ? String(value) : typeof value === 'string' ? JSON.stringify(value) : value instanceof Date ? value.toISOString() : (JSON.stringify(value) ?? String(value))
  } catch {
    s = String(value)
  }
  return s.length > 60 ? `${s.slice(0, 57)}…` : s
}
