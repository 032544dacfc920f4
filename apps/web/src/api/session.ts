import type { ChangePasswordBody, LoginBody, MeResponse } from '@zhiben/contracts';
import { request, setCsrfToken } from './client';
import { isApiError } from './errors';

export const ME_QUERY_KEY = ['me'] as const;

/** The signed-in user, or null when there is no valid session. */
export async function fetchMe(): Promise<MeResponse | null> {
  try {
    const me = await request<MeResponse>('GET', '/me', { skipSessionHandling: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function login(body: LoginBody): Promise<MeResponse> {
  const me = await request<MeResponse>('POST', '/auth/login', { body, skipSessionHandling: true });
  setCsrfToken(me.csrfToken);
  return me;
}

export async function logout(): Promise<void> {
  try {
    await request<{ ok: true }>('POST', '/auth/logout', { skipSessionHandling: true });
  } finally {
    setCsrfToken(null);
  }
}

export async function changePassword(body: ChangePasswordBody): Promise<void> {
  await request<{ ok: true }>('POST', '/auth/password', { body });
}
