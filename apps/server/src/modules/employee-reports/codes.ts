import { randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O, U — nothing a reporter can misread when copying a code from a phone screen. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomCrockford(length: number): string {
  // 256 is a multiple of 32, so `byte & 31` is uniform.
  return Array.from(randomBytes(length), (b) => ALPHABET[b & 31]).join('');
}

/** A receipt code: 10 random characters (50 bits), shown as XXXXX-XXXXX. */
export function newReceiptCode(): string {
  const raw = randomCrockford(10);
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/**
 * A receipt code as typed by a person: case, spaces and dashes ignored, O read as 0 and I/L as 1 (Crockford's
 * decoding rules). Returns the stored form XXXXX-XXXXX, or null when it cannot be a receipt code.
 */
export function normalizeReceiptCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (raw.length !== 10 || [...raw].some((c) => !ALPHABET.includes(c))) return null;
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/** The QR token of an enterprise's report page: 20 random characters (100 bits). */
export function newReportToken(): string {
  return randomCrockford(20);
}

/** A token from a URL, in its stored form, or null when it cannot be one. */
export function normalizeReportToken(input: string): string | null {
  const token = input.trim().toUpperCase();
  return /^[0-9A-HJKMNP-TV-Z]{20}$/.test(token) ? token : null;
}

/** What staff without `reports.read_identity` see of a receipt code: enough to match a claimant, not to claim. */
export function maskReceiptCode(code: string): string {
  return `*****-**${code.slice(-3)}`;
}
