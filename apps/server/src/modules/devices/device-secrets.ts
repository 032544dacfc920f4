import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Device secrets: 32 random bytes (base64url, 43 characters), shown once at registration or rotation. Only the
 * SHA-256 is stored. A salted slow hash (argon2) protects guessable human passwords; a 256-bit random secret has no
 * dictionary to resist, and argon2's ~50 ms per check would cap MQTT connects and HTTP telemetry at ~20/s per core.
 */
export function newDeviceSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashDeviceSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatches(secret: string | Buffer, storedHashHex: string): boolean {
  const presented = createHash('sha256').update(secret).digest();
  const stored = Buffer.from(storedHashHex, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
