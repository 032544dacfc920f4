// Issue #2's browser journey: log in as admin, create a user (区局领导), log out, log in as that user and see only
// the menu that role allows. Selectors are the data-testids of apps/web (see apps/web/src/lib/testId.ts).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.js';
import { chooseOption, clickSettled } from './support/ui.js';

const baseUrl = inject('baseUrl');
const DEMO_PASSWORD = 'Demo@2024';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function login(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-menu').waitFor({ state: 'visible' });
  await expect.poll(() => page.getByTestId('current-user-name').textContent()).toBeTruthy();
}

async function logout(page: Page) {
  await page.getByTestId('user-menu').click();
  const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout') && r.request().method() === 'POST');
  await clickSettled(page, page.getByTestId('user-menu-logout'));
  expect((await loggedOut).status()).toBe(200);
  await page.getByTestId('login-form').waitFor({ state: 'visible' });
  expect(new URL(page.url()).pathname).toBe('/login');
}

/** The data-testids of the menu entries shown (leaves and groups), e.g. `menu-admin-users`. */
async function menuIds(page: Page): Promise<string[]> {
  const menu = page.getByTestId('app-menu');
  await menu.waitFor({ state: 'visible' });
  const ids = await menu
    .locator('[data-testid^="menu-"]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid') ?? '').filter((id) => id !== 'menu-toggle'));
  return [...new Set(ids)].sort();
}

async function me(page: Page): Promise<{ roles: string[]; permissions: string[] }> {
  return page.evaluate(async () => {
    const res = await fetch('/api/v1/me', { credentials: 'same-origin' });
    return (await res.json()) as { roles: string[]; permissions: string[] };
  });
}

describe('foundation journey', () => {
  it('admin creates a 区局领导 account; that user logs in and sees only what the role allows', async (t) => {
    const page = await openPage(browser, baseUrl, t);
    const username = `leader${Date.now().toString(36)}`;
    const password = 'Leader#2024ok';
    const displayName = '端到端测试领导';

    // 1. The administrator.
    await login(page, 'admin', DEMO_PASSWORD);
    const adminMenu = await menuIds(page);
    expect(adminMenu).toContain('menu-admin-users');
    expect(adminMenu).toContain('menu-admin-audit');

    // 2. 用户管理 → 新建用户.
    await page.getByTestId('menu-admin-users').click();
    await page.waitForURL('**/admin/users');
    await page.getByTestId('users-table').waitFor({ state: 'visible' });
    await page.getByTestId('users-create').click();
    const form = page.getByTestId('user-form');
    await form.waitFor({ state: 'visible' });
    await page.getByTestId('user-form-username').fill(username);
    await page.getByTestId('user-form-displayName').fill(displayName);
    // The role options carry data-testids (role-option-<role>); choosing by keyboard is what survives a busy CPU.
    await chooseOption(page, page.getByTestId('user-form-role'), 'bureau_leader', '区局领导');
    await page.getByTestId('user-form-password').fill(password);
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/users') && r.request().method() === 'POST');
    await page.getByTestId('user-form-submit').click();
    const createdResponse = await created;
    expect(createdResponse.status(), await createdResponse.text()).toBe(200);
    await form.waitFor({ state: 'hidden' });
    await page.getByTestId('users-table').getByText(username, { exact: true }).waitFor({ state: 'visible' });

    // 3. Out, and in again as the new user (demo mode: no forced password change).
    await logout(page);
    await login(page, username, password);
    await expect.poll(() => page.getByTestId('current-user-name').textContent()).toContain(displayName);
    expect(await page.getByTestId('current-user-role').textContent()).toContain('区局领导');

    // 4. Only the menu the role allows: the leader reads, he does not administer.
    const session = await me(page);
    expect(session.roles).toEqual(['bureau_leader']);
    expect(session.permissions).not.toContain('users.read');
    expect(session.permissions).not.toContain('audit.read');
    const leaderMenu = await menuIds(page);
    expect(leaderMenu).toContain('menu-home');
    expect(leaderMenu).not.toContain('menu-admin-users');
    expect(leaderMenu).not.toContain('menu-admin-audit');
    for (const id of leaderMenu) expect(adminMenu, `${id} shown to the leader but not to the admin`).toContain(id);
    expect(leaderMenu.length).toBeLessThan(adminMenu.length);

    // 5. And the pages behind the hidden entries are closed, in the UI and in the API.
    await page.goto('/admin/users');
    await page.getByTestId('page-403').waitFor({ state: 'visible' });
    const status = await page.evaluate(async () => (await fetch('/api/v1/users', { credentials: 'same-origin' })).status);
    expect(status).toBe(403);
  });
});
