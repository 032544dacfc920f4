// Issue #5 items 3, 5, 6 in the browser: the notification bell is live (SSE) and the to-dos lead to the hazard;
// the 动态清零 board shows the server's numbers, follows a major hazard in and out, and exports .xlsx; the bureau
// admin manages a robot channel; the public 挂牌督办 page needs no login. Data the tests need is made through the
// API as other users (a staff report, a bureau-reported major hazard), so the journeys do not depend on demo rows
// that other journeys change.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.js';
import { clickSettled } from './support/ui.js';

const baseUrl = inject('baseUrl');
const DEMO_PASSWORD = 'Demo@2024';
const POLL = { timeout: 15_000 };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A signed-in API client for one demo user (session cookie + CSRF token), outside the browser. */
async function apiAs(username: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const me = (await res.json()) as { csrfToken: string; scope: { enterpriseId?: string } };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': me.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text}`);
    return JSON.parse(text) as T;
  };
  return { me, get: <T>(path: string) => call<T>('GET', path), post: <T>(path: string, body: unknown = {}) => call<T>('POST', path, body) };
}

async function login(page: Page, username: string) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-menu').waitFor({ state: 'visible' });
}

const unreadOf = async (page: Page) => Number(await page.getByTestId('notification-bell').getAttribute('data-unread'));

describe('notification centre, to-dos, 动态清零 and the public page', () => {
  it('the public 挂牌督办 page opens without login and lists what the public API publishes', async (t) => {
    const page = await openPage(browser, baseUrl, t);
    const published = (await (await fetch(`${baseUrl}/api/v1/public/hazards?pageSize=20`)).json()) as {
      total: number;
      items: { enterpriseName: string }[];
    };
    expect(published.total).toBeGreaterThan(0);
    const response = await page.goto('/public/hazards');
    expect(response?.status()).toBe(200);
    await page.getByTestId('public-hazard').first().waitFor({ state: 'visible' });
    expect(new URL(page.url()).pathname).toBe('/public/hazards');
    expect(await page.getByTestId('public-hazard').count()).toBe(published.items.length);
    const text = (await page.getByTestId('public-hazards').textContent()) ?? '';
    for (const item of published.items) expect(text).toContain(item.enterpriseName);
  });

  it('principal: a new hazard report reaches the bell live and the to-do list, 全部已读 clears the badge', async (t) => {
    const page = await openPage(browser, baseUrl, t);
    await login(page, 'principal');
    const principal = await apiAs('principal');
    const todosBefore = (await principal.get<{ total: number }>('/todos')).total;
    await page.getByTestId('todo-card').waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('todo-count').getAttribute('data-count'), POLL).toBe(String(todosBefore));
    const before = await unreadOf(page);

    // 陈小明 (staff of the same enterprise) reports a hazard: the principal judges general hazards, so he is told.
    const staff = await apiAs('staff');
    const description = `通知中心测试：东侧消防通道堆放托盘 ${Date.now()}`;
    const hazard = await staff.post<{ id: string }>('/hazards', { description });

    // No reload, and well within the 60 s polling fallback: the badge and the to-do count move by the live stream.
    await expect.poll(() => unreadOf(page), POLL).toBeGreaterThan(before);
    await expect.poll(() => page.getByTestId('todo-count').getAttribute('data-count'), POLL).toBe(String(todosBefore + 1));

    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-popover').waitFor({ state: 'visible' });
    await expect
      .poll(async () => (await page.getByTestId('notification-item').first().textContent()) ?? '', POLL)
      .toContain('通知中心测试');
    await clickSettled(page, page.getByTestId('notification-read-all'));
    await expect.poll(() => unreadOf(page), POLL).toBe(0);

    // The full page agrees: nothing unread; the to-do page lists the hazard too.
    await page.goto('/notifications?unread=true');
    await page.getByTestId('notifications-table').waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('notification-row').count(), POLL).toBe(0);
    await page.goto('/todos?kind=hazard_judge');
    const todo = page.locator(`[data-testid="todo-item"][data-entity-id="${hazard.id}"]`);
    await todo.waitFor({ state: 'visible' });
    expect(await todo.getAttribute('href')).toBe(`/hazards/${hazard.id}`);
    expect(await todo.textContent()).toContain('待判定');

    // Leave the demo enterprise as it was for the other journeys: the test report is judged 不构成隐患.
    await principal.post(`/hazards/${hazard.id}/dismiss`, { note: '测试数据，不构成隐患' });
  });

  it('officer: the board equals the API, counts a new major hazard, drops it when dismissed, and exports .xlsx', async (t) => {
    const page = await openPage(browser, baseUrl, t);
    await login(page, 'officer');
    const officer = await apiAs('officer');
    const openMajor = async () => (await officer.get<{ summary: { openMajor: number } }>('/hazards/zeroing')).summary.openMajor;
    const kpi = page.getByTestId('zeroing-open-major');
    /** Away to the home page and back through the menu (client-side): the board must not show a cached number. */
    const revisitBoard = async () => {
      await page.getByTestId('menu-home').click();
      await page.getByTestId('registry-dashboard').waitFor({ state: 'visible' });
      await kpi.waitFor({ state: 'detached' });
      await page.getByTestId('menu-zeroing').click();
      await kpi.waitFor({ state: 'visible' });
    };

    await page.getByTestId('menu-zeroing').click();
    await page.waitForURL('**/hazards/zeroing');
    await kpi.waitFor({ state: 'visible' });
    const start = await openMajor();
    expect(Number(await kpi.getAttribute('data-value'))).toBe(start);

    // A major hazard reported by the bureau (待判定) is open: +1.
    const enterprise = (await officer.get<{ items: { id: string }[] }>('/enterprises?pageSize=1&status=operating')).items[0];
    if (!enterprise) throw new Error('no demo enterprise');
    const checklist = await officer.get<{ items: { id: string }[] }>(`/enterprises/${enterprise.id}/checklist`);
    const item = checklist.items[0];
    if (!item) throw new Error('empty checklist');
    const hazard = await officer.post<{ id: string }>('/hazards', {
      enterpriseId: enterprise.id,
      level: 'major',
      standardItemId: item.id,
      description: `看板测试：重大隐患 ${Date.now()}`,
    });
    await revisitBoard();
    expect(Number(await kpi.getAttribute('data-value'))).toBe(start + 1);

    // 不构成隐患 closes it and it never counted as a hazard: back to the start.
    await officer.post(`/hazards/${hazard.id}/dismiss`, { note: '复核后不构成重大事故隐患' });
    await revisitBoard();
    expect(Number(await kpi.getAttribute('data-value'))).toBe(start);
    expect(await openMajor()).toBe(start);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('zeroing-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  });

  it('bureau admin adds a WeCom robot channel (key masked) and switches it off after confirming', async (t) => {
    const page = await openPage(browser, baseUrl, t);
    await login(page, 'admin');
    await page.getByTestId('menu-admin-channels').click();
    await page.waitForURL('**/admin/channels');
    await page.getByTestId('channel-create').click();
    await page.getByTestId('channel-form').waitFor({ state: 'visible' });
    await page.getByTestId('channel-form-kind').click();
    await clickSettled(page, page.getByTestId('channel-kind-wecom'));
    const key = `e2e${Date.now()}`;
    await page.getByTestId('channel-form-target').fill(`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`);
    await page.getByTestId('channel-form-submit').click();
    await page.getByTestId('channel-form').waitFor({ state: 'detached' });

    const row = page
      .getByTestId('channels-table')
      .locator('tr.ant-table-row')
      .filter({ hasText: `key=${key.slice(0, 4)}****` });
    await row.waitFor({ state: 'visible' });
    expect(await row.textContent()).not.toContain(key);
    const toggle = row.locator('[data-testid^="channel-active-"]');
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await clickSettled(page, page.getByTestId('channel-disable-confirm'));
    await expect.poll(() => toggle.getAttribute('aria-checked'), POLL).toBe('false');

    const admin = await apiAs('admin');
    const channels = await admin.get<{ items: { target: string; active: boolean }[] }>('/notification-channels');
    const saved = channels.items.find((c) => c.target.includes(`key=${key.slice(0, 4)}****`));
    expect(saved?.active).toBe(false);
  });
});
