// Signing in and out through the real login page, as the journeys' users do. Works on phones too, where the menu
// sits in a closed drawer: the header's user name is what proves the sign-in.
import type { Page } from 'playwright-core';
import { clickSettled } from './ui.js';

export const DEMO_PASSWORD = 'Demo@2024';

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user-name').waitFor({ state: 'visible' });
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  // The user menu drops down with an animation; a click mid-animation can miss (production builds animate).
  await clickSettled(page, page.getByTestId('user-menu-logout'));
  await page.getByTestId('login-form').waitFor({ state: 'visible' });
}

/** GETs an API path with the page's session cookie (what the signed-in user's browser may read). */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`${url} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }, path) as Promise<T>;
}
