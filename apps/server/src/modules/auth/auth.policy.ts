/**
 * Lockout with back-off: after `threshold` consecutive failures the account is locked for `baseMinutes`,
 * doubling with every further failure, capped at `maxMinutes`. A success resets the count.
 * (等保 2.0 requires login-failure handling: limit attempts and lock; the numbers are ours.)
 */
export const LOCKOUT_POLICY = { threshold: 5, baseMinutes: 1, maxMinutes: 60 } as const;

/** When an account with `failures` consecutive failures is locked until, or null when it is not locked. */
export function lockUntil(failures: number, now: Date, policy = LOCKOUT_POLICY): Date | null {
  if (failures < policy.threshold) return null;
  const minutes = Math.min(policy.baseMinutes * 2 ** (failures - policy.threshold), policy.maxMinutes);
  return new Date(now.getTime() + minutes * 60_000);
}
