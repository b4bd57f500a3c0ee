import { pbkdf2, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'

const derive = promisify(pbkdf2)

/**
 * The parameters of Payload 3.90's current password hashes (`pbkdf2-sha256-v1:`, see
 * payload/dist/auth/strategies/local/generatePasswordSaltHash.js): 600,000 iterations of
 * SHA-256, 32 bytes. Older hashes (25,000 iterations, 512 bytes) are rewritten at the next login.
 */
export const PASSWORD_HASH = { iterations: 600_000, keyLength: 32, digest: 'sha256' } as const

/** Does the work of checking a password against a stored hash, for an account that does not exist. */
export async function spendPasswordHashTime(password: string): Promise<void> {
  await derive(password, randomBytes(32).toString('hex'), PASSWORD_HASH.iterations, PASSWORD_HASH.keyLength, PASSWORD_HASH.digest)
}
