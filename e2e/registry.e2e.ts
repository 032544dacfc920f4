// Issue #3's browser journey: the officer filters the enterprise registry to 粉尘涉爆 + 苏店镇, opens an enterprise,
// edits its dust-worker count, finds the change in 变更记录, goes back to the (still filtered) list and exports it.
// Selectors are the data-testids of apps/web (see apps/web/src/lib/testId.ts); no sleeps, every step waits for its element.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.js';

const baseUrl = inject('baseUrl');
const DEMO_PASSWORD = 'Demo@2024';
/** The shared CI machine can be slow to render a 20-row table: polls get the same patience as locators. */
const POLL = { timeout: 15_000 };
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
  // The bureau's home page is the registry dashboard; once it shows, the session has settled.
  await page.getByTestId('registry-dashboard').waitFor({ state: 'visible' });
}

describe('enterprise registry journey', () => {
  it('officer filters 粉尘涉爆 + 苏店镇, edits 涉粉作业人数, sees it in 变更记录 and exports the filtered list', async (t) => {
    const page = await openPage(browser, baseUrl, t);
    await login(page, 'officer', DEMO_PASSWORD);

    // 1. 企业台账 from the menu.
    await page.getByTestId('menu-enterprises').click();
    await page.waitForURL('**/enterprises');
    const table = page.getByTestId('enterprises-table');
    await table.locator('.ant-table-row').first().waitFor();

    // 2. 风险标签 粉尘涉爆 + 乡镇 苏店镇, then 查询: both land in the URL.
    await page.getByTestId('enterprises-filter-tag').click();
    await page.getByTestId('tag-option-dust_explosion').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('enterprises-filter-region').click();
    await page.locator('.ant-select-tree').getByTitle('苏店镇', { exact: true }).click();
    await page.getByTestId('enterprises-search').click();
    await page.waitForURL((url) => url.searchParams.get('tag') === 'dust_explosion' && !!url.searchParams.get('regionId'));
    const regionId = new URL(page.url()).searchParams.get('regionId');

    // The table shows only 苏店镇 enterprises carrying 粉尘涉爆 (polled: the previous page stays until the new one arrives).
    const regionCells = table.getByTestId('enterprise-region');
    await expect
      .poll(async () => {
        const regions = await regionCells.allTextContents();
        const dustTags = await table.getByTestId('risk-tag-dust_explosion').count();
        return regions.length > 0 && regions.every((r) => r === '苏店镇') && dustTags === regions.length;
      }, POLL)
      .toBe(true);

    // 3. Open the first enterprise of the result.
    const link = table.locator('[data-testid^="enterprise-link-"]').first();
    const name = (await link.textContent())?.trim() ?? '';
    expect(name).not.toBe('');
    await link.click();
    await page.getByTestId('enterprise-detail').waitFor();
    await expect.poll(() => page.getByTestId('enterprise-title').textContent(), POLL).toBe(name);

    // 4. 编辑 → 涉粉作业人数 to a new value → 保存.
    await page.getByTestId('enterprise-edit').click();
    const dustInput = page.getByTestId('enterprise-form-dustWorkers');
    await dustInput.waitFor({ state: 'visible' });
    const before = Number(await dustInput.inputValue());
    expect(Number.isInteger(before)).toBe(true);
    // Down by one stays within 从业人数 (dust workers never exceed employees); 0 goes up to 1.
    const after = before > 0 ? before - 1 : 1;
    await dustInput.fill(String(after));
    await page.getByTestId('enterprise-form-submit').click();
    await page.getByTestId('enterprise-form').waitFor({ state: 'detached' });
    await page.locator('.ant-message').getByText(`已保存「${name}」的企业信息`).waitFor();
    await expect
      .poll(() => page.getByTestId('enterprise-field-dustWorkers').textContent(), POLL)
      .toBe(`${after.toLocaleString('zh-CN')} 人`);

    // 5. 变更记录: the newest entry is this edit, 「涉粉作业人数」before → after, by officer.
    await page.getByTestId('enterprise-tab-history').click();
    const history = page.getByTestId('enterprise-history');
    await history.waitFor();
    const newest = history.getByTestId('history-entry').first();
    await expect.poll(() => newest.textContent(), POLL).toContain('修改');
    expect(await newest.textContent()).toContain('officer');
    const change = newest.getByTestId('history-change-dustWorkers');
    expect(await change.textContent()).toContain('「涉粉作业人数」');
    expect(await change.getByTestId('history-before').textContent()).toBe(before.toLocaleString('zh-CN'));
    expect(await change.getByTestId('history-after').textContent()).toBe(after.toLocaleString('zh-CN'));

    // 6. Back to the list, still filtered, and 导出: a real .xlsx download of exactly these filters.
    await page.getByTestId('enterprise-back').click();
    await page.waitForURL((url) => url.pathname === '/enterprises' && url.searchParams.get('regionId') === regionId);
    await table.locator('.ant-table-row').first().waitFor();
    const exportResponse = page.waitForResponse((r) => r.url().includes('/api/v1/enterprises/export'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('enterprises-export').click()]);
    const response = await exportResponse;
    expect(response.status()).toBe(200);
    const exportUrl = new URL(response.url());
    expect(exportUrl.searchParams.get('tag')).toBe('dust_explosion');
    expect(exportUrl.searchParams.get('regionId')).toBe(regionId);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = readFileSync(await download.path());
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK'); // an .xlsx is a ZIP container
  });
});
