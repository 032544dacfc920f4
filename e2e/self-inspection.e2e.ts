/// <reference lib="dom" />
// Issue #4's browser journey: on a phone-sized screen the wood-products enterprise's safety manager runs a
// self-inspection from the enterprise checklist, marks 第十一条(八) 不符合 with a photo and sees the major hazard it
// creates; an answer sent while the network fails survives a reload; then the bureau's officer finds that major
// hazard in 隐患台账. Selectors are the data-testids of apps/web (see apps/web/src/lib/testId.ts).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.js';

const baseUrl = inject('baseUrl');
const DEMO_PASSWORD = 'Demo@2024';
const ENTERPRISE = '长治市上党区鑫源木业有限公司';
const PHONE = { width: 390, height: 844 };
/** A valid 1×1 PNG (the server checks the bytes, not the name). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Works on phones too, where the menu sits in a closed drawer. */
async function login(page: Page, username: string) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user-name').waitFor({ state: 'visible' });
}

async function logout(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('user-menu-logout').click();
  await page.getByTestId('login-form').waitFor({ state: 'visible' });
}

const synced = (page: Page) => page.locator('[data-testid="inspection-sync-status"][data-state="synced"]');

describe('self-inspection journey', () => {
  // Two sign-ins, an upload and a reload: longer than the default 120 s when the machine is busy.
  it('safety records 第十一条(八) 不符合 with a photo on a phone; the officer sees the major hazard', { timeout: 300_000 }, async (t) => {
    const page = await openPage(browser, baseUrl, t);
    await page.setViewportSize(PHONE);
    const run = Date.now().toString(36);
    const title = `砂光车间月度检查 ${run}`;
    const note = `3号砂光机风管未设火花探测消除装置（${run}）`;

    // 1. The safety manager, on a phone: 自查自改 › 开展检查 from the drawer menu.
    await login(page, 'safety');
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('menu-self-inspection-run').click();
    await page.waitForURL('**/self-inspection');

    // 2. 新建检查 with the whole checklist (every item preselected, 第十一条(八) among them).
    await page.getByTestId('inspections-create').click();
    await page.getByTestId('inspection-form').waitFor({ state: 'visible' });
    await page.getByTestId('inspection-form-items').getByText('第十一条(八)', { exact: true }).waitFor();
    await page.getByTestId('inspection-form-title').fill(title);
    await page.getByTestId('inspection-form-submit').click();
    await page.waitForURL(/\/self-inspection\/[0-9a-f-]{36}$/);
    const inspectionUrl = page.url();
    expect(await page.getByTestId('inspection-title').textContent()).toBe(title);
    expect(await page.getByTestId('inspection-progress').textContent()).toMatch(/已查 0 \/ 共 \d+ 项/);

    // 3. The phone layout: one column without sideways scrolling, answer buttons big enough for a thumb.
    const item = page.getByTestId('inspection-item-11-8');
    await item.scrollIntoViewIfNeeded();
    const button = await page.getByTestId('inspection-item-11-8-non_compliant').boundingBox();
    expect(button?.height ?? 0).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // 4. 不符合, a note and a photo taken with the camera input: 已生成重大隐患.
    await page.getByTestId('inspection-item-11-8-non_compliant').click();
    await page.getByTestId('inspection-item-11-8-note').fill(note);
    await page.getByTestId('inspection-item-11-8-photo-input').setInputFiles({ name: 'spark.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('inspection-item-11-8-photo-0').waitFor({ state: 'visible' });
    await page.getByTestId('inspection-item-11-8-hazard').waitFor({ state: 'visible' });
    expect(await page.getByTestId('inspection-item-11-8-hazard').textContent()).toContain('已生成重大隐患');
    await page.getByTestId('inspection-item-11-8-note').blur();
    await synced(page).waitFor();

    // 5. An answer given while the network fails stays on the phone (「有 1 项未同步」) and is sent after a reload.
    await page.route('**/api/v1/inspections/*/results', (route) => route.abort('internetdisconnected'));
    await page.getByTestId('inspection-item-11-1-compliant').click();
    await page.locator('[data-testid="inspection-sync-status"][data-state="unsynced"]').waitFor();
    expect(await page.getByTestId('inspection-sync-status').textContent()).toContain('有 1 项未同步');
    await page.unroute('**/api/v1/inspections/*/results');
    await page.reload();
    await page.getByTestId('inspection-item-11-1').waitFor();
    await synced(page).waitFor();
    expect(await page.getByTestId('inspection-item-11-1').getAttribute('data-result')).toBe('compliant');
    expect(await page.getByTestId('inspection-item-11-8').getAttribute('data-result')).toBe('non_compliant');
    await page.getByTestId('inspection-item-11-8-photo-0').waitFor({ state: 'visible' });
    const saved = await page.evaluate(async (url) => {
      const res = await fetch(`/api/v1/inspections/${url.split('/').pop()}`, { credentials: 'same-origin' });
      return (await res.json()) as { items: { key: string | null; result: string; note: string | null; photos: string[] }[] };
    }, inspectionUrl);
    expect(saved.items.find((i) => i.key === '11-1')?.result).toBe('compliant');
    expect(saved.items.find((i) => i.key === '11-8')).toMatchObject({ result: 'non_compliant', note });
    expect(saved.items.find((i) => i.key === '11-8')?.photos).toHaveLength(1);

    // 6. 查看隐患 opens the hazard the finding created.
    await page.getByTestId('inspection-item-11-8-hazard-link').click();
    await page.getByTestId('hazard-drawer-description').waitFor({ state: 'visible' });
    expect(await page.getByTestId('hazard-drawer-description').textContent()).toContain(note);
    await page.goto('/self-inspection');
    await page.getByTestId('inspections-create').waitFor({ state: 'visible' });
    await logout(page);

    // 7. The bureau's officer (desktop): 隐患治理 › 隐患台账, filtered to 重大隐患.
    await page.setViewportSize({ width: 1366, height: 860 });
    await login(page, 'officer');
    await page.getByTestId('menu-hazards').click();
    await page.waitForURL('**/hazards');
    await page.getByTestId('hazards-table').waitFor({ state: 'visible' });
    await page.getByTestId('hazards-filter-level').click();
    await page.getByTestId('hazards-level-major').click();
    await page.getByTestId('hazards-search').click();
    await page.waitForURL(/[?&]level=major/);
    const row = page
      .getByTestId('hazards-table')
      .locator('tr.ant-table-row')
      .filter({ hasText: ENTERPRISE })
      .filter({ hasText: '第十一条(八)' })
      .first();
    await row.waitFor({ state: 'visible' });
    expect(await row.textContent()).toContain('重大隐患');

    // 8. Its detail: the finding, the photo, the standard item with its version, the inspection it came from.
    await row.click();
    await page.getByTestId('hazard-drawer-description').waitFor({ state: 'visible' });
    expect(await page.getByTestId('hazard-drawer-description').textContent()).toContain(note);
    expect(await page.getByTestId('hazard-drawer-standard-ref').textContent()).toMatch(/第十一条\(八\)（第 \d+ 版）/);
    await page.getByTestId('hazard-drawer-photo-0').waitFor({ state: 'visible' });
    expect(await page.getByTestId('hazard-drawer-inspection').getAttribute('href')).toBe(new URL(inspectionUrl).pathname);
  });
});
