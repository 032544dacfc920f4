import { errorMessage, isApiError } from '../../api/errors';
import { formatDateTime } from '../../lib/time';

/** The sentence shown above the login form for a failed attempt. */
export function loginErrorText(error: unknown): string {
  if (isApiError(error) && error.code === 'ACCOUNT_LOCKED') {
    const until = (error.details as { lockedUntil?: unknown } | undefined)?.lockedUntil;
    if (typeof until === 'string') return `${error.message}，请于 ${formatDateTime(until)} 后再试`;
  }
  return errorMessage(error);
}
