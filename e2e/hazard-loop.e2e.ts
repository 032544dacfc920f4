/// <reference lib="dom" />
// Issue #5's browser journey. (1) An employee reports a hazard anonymously from the enterprise's QR page on a phone →
// the safety manager verifies it 属实 and records the reward → judges it and assigns 五落实 → submits the
// rectification with a photo → the principal accepts it (a general hazard) and it is 已销号. (2) A major hazard
// waiting for acceptance: the enterprise cannot close it; the bureau's officer accepts it with a photo and it leaves
// the open-major count of the 动态清零 board. Selectors are the data-testids of apps/web.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.js';
import { apiGet, login, logout } from './support/session.js';
import { clickSettled, settle } from './support/ui.js';

const baseUrl = inject('baseUrl');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 860 };
/** A valid 1×1 PNG (the server checks the bytes, not the name). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Me {
  scope: { kind: string; enterpriseId?: string };
}
interface HazardRow {
  id: string;
  enterpriseName: string;
  level: string;
  status: string;
}

/** Today in Asia/Shanghai, and a day `days` later, as YYYY-MM-DD. */
function shanghaiDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

const status = (page: Page) => page.getByTestId('hazard-status');

async function waitForStatus(page: Page, label: string) {
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="hazard-status"]')?.textContent?.includes(text) ?? false,
    label,
    { timeout: 20_000 },
  );
}

/** Types a date into an antd DatePicker and confirms it with Enter. */
async function typeDate(page: Page, testId: string, day: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(day);
  await page.keyboard.press('Enter');
  await settle(page);
}

describe('hazard closed loop journey', () => {
  it('anonymous phone report → verified and rewarded → 五落实 → rectified with a photo → accepted by the principal', {
    timeout: 400_000,
  }, async (t) => {
    const page = await openPage(browser, baseUrl, t);
    const run = Date.now().toString(36);
    const description = `二车间除尘器泄爆口被杂物堵塞（${run}）`;

    // 0. The enterprise's QR address, as its principal sees it on the settings card.
    await page.setViewportSize(DESKTOP);
    await login(page, 'principal');
    const me = await apiGet<Me>(page, '/api/v1/me');
    const settings = await apiGet<{ reportPath: string }>(page, `/api/v1/enterprises/${me.scope.enterpriseId}/report-settings`);
    await logout(page);

    // 1. Anyone with a phone, not signed in: the QR page, a description and a photo from the camera.
    await page.setViewportSize(PHONE);
    await page.goto(settings.reportPath);
    await page.getByTestId('report-description').fill(description);
    await page.getByTestId('report-location').fill('二车间东侧');
    await page.getByTestId('report-photo-input').setInputFiles({ name: 'vent.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('report-photo-0').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByTestId('report-submit').click();
    const receipt = page.getByTestId('report-receipt-code');
    await receipt.waitFor({ state: 'visible' });
    const receiptCode = ((await receipt.textContent()) ?? '').match(/[0-9A-Z]{5}-[0-9A-Z]{5}/)?.[0];
    expect(receiptCode).toBeTruthy();

    // 2. The safety manager (desktop): 员工举报与奖励, finds the report, verifies it 属实 (较大) and rewards it.
    await page.setViewportSize(DESKTOP);
    await login(page, 'safety');
    await page.goto('/my/reports');
    // Newest first: the report is on the first page.
    const row = page.locator('[data-testid^="report-row-"]').filter({ hasText: run });
    await row.waitFor({ state: 'visible' });
    // The safety manager never sees who reported (only the principal and the bureau do).
    expect(await page.getByText('报告人', { exact: true }).count()).toBe(0);
    await row.click();
    await page.getByTestId('report-drawer').waitFor({ state: 'visible' });
    expect(await page.getByTestId('report-drawer-description').textContent()).toContain(description);
    await page.getByTestId('report-verify').click();
    // (antd's modal root has no box of its own: wait for what is inside it.)
    await page.getByTestId('report-verify-outcome-true').waitFor({ state: 'visible' });
    await settle(page);
    await page.getByTestId('report-verify-outcome-true').click();
    await page.getByTestId('report-verify-grade').click();
    await clickSettled(page, page.getByTestId('report-grade-option-较大'));
    await page.getByTestId('report-verify-submit').click();
    await page.getByTestId('report-verify-submit').waitFor({ state: 'hidden' });
    await page.getByTestId('report-reward').click();
    await page.getByTestId('report-reward-grade').waitFor({ state: 'visible' });
    await settle(page);
    await page.getByTestId('report-reward-grade').click();
    await clickSettled(page, page.getByTestId('report-reward-grade-option-较大'));
    expect(await page.getByTestId('report-reward-amount').textContent()).toContain('200.00');
    await typeDate(page, 'report-reward-paid-at', shanghaiDay());
    await page.getByTestId('report-reward-submit').click();
    await page.getByTestId('report-reward-submit').waitFor({ state: 'hidden' });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="report-drawer-reward"]')?.textContent?.includes('200.00') ?? false,
    );

    // 3. The report became a general hazard waiting for judgement: judge it and assign 五落实 to himself.
    await page.getByTestId('report-drawer-hazard').click();
    await page.waitForURL(/\/hazards\/[0-9a-f-]{36}$/);
    const hazardUrl = new URL(page.url()).pathname;
    await waitForStatus(page, '待判定');
    await page.getByTestId('hazard-action-judge').click();
    await page.getByTestId('hazard-judge-form').waitFor({ state: 'visible' });
    await settle(page);
    // antd hides the radio input itself: click its label.
    await page.locator('label:has([data-testid="hazard-judge-level-general"])').click();
    await page.getByTestId('hazard-judge-responsible').click();
    await clickSettled(page, page.getByTestId('hazard-judge-responsible-me'));
    await page.getByTestId('hazard-judge-measures').fill('清理泄爆口杂物，设置禁止堆放标识，每班巡检');
    await page.getByTestId('hazard-judge-funds').fill('500');
    await typeDate(page, 'hazard-judge-deadline', shanghaiDay(7));
    await page.getByTestId('hazard-judge-contingency').fill('整改期间停用二车间除尘系统，安排专人监护');
    await page.getByTestId('hazard-judge-form-submit').click();
    await waitForStatus(page, '整改中');

    // 4. He submits the rectification with a photo → 待验收.
    await page.getByTestId('hazard-action-submit').click();
    await page.getByTestId('hazard-submit-form').waitFor({ state: 'visible' });
    await settle(page);
    await page.getByTestId('hazard-submit-note').fill('杂物已清理，已设置警示标识');
    await page.getByTestId('hazard-submit-photos-photo-input').setInputFiles({ name: 'done.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('hazard-submit-photos-photo-0').waitFor({ state: 'visible' });
    await page.getByTestId('hazard-submit-form-submit').click();
    await waitForStatus(page, '待验收');
    // A general hazard is accepted by the principal, not by whoever rectified it.
    expect(await page.getByTestId('hazard-action-accept').count()).toBe(0);
    await logout(page);

    // 5. The principal accepts it (confirming the irreversible 销号); the timeline keeps every step.
    await login(page, 'principal');
    await page.goto(hazardUrl);
    await waitForStatus(page, '待验收');
    await page.getByTestId('hazard-action-accept').click();
    await page.getByTestId('hazard-accept-form').waitFor({ state: 'visible' });
    await settle(page);
    await page.getByTestId('hazard-accept-note').fill('现场复核合格');
    await page.getByTestId('hazard-accept-form-submit').click();
    await clickSettled(page, page.getByTestId('hazard-accept-confirm'));
    await waitForStatus(page, '已销号');
    const timeline = page.getByTestId('hazard-timeline');
    await timeline.waitFor({ state: 'visible' });
    for (const action of ['judge', 'submit', 'accept']) {
      await page.getByTestId(`hazard-timeline-item-${action}`).first().waitFor({ state: 'attached' });
    }

    // 6. The reporter follows the outcome with the receipt code, on the phone, without signing in.
    await logout(page);
    await page.setViewportSize(PHONE);
    await page.goto(`/r/receipt/${receiptCode}`);
    const result = page.getByTestId('report-receipt-result');
    await result.waitFor({ state: 'visible' });
    expect(await result.textContent()).toMatch(/属实[\s\S]*200\.00/);
  });

  it('a major hazard is closed only by the bureau: the officer accepts it with a photo and the open-major count drops', {
    timeout: 300_000,
  }, async (t) => {
    const page = await openPage(browser, baseUrl, t);
    await page.setViewportSize(DESKTOP);

    // The enterprise's principal: a major hazard of his waiting for acceptance shows no 验收 action to him.
    await login(page, 'principal');
    const own = await apiGet<{ items: HazardRow[] }>(page, '/api/v1/hazards?level=major&status=pending_acceptance&pageSize=100');
    const mine = own.items[0];
    if (mine) {
      await page.goto(`/hazards/${mine.id}`);
      await waitForStatus(page, '待验收');
      await page.getByTestId('hazard-actions').waitFor({ state: 'attached' });
      expect(await page.getByTestId('hazard-action-accept').count()).toBe(0);
    }
    await logout(page);

    await login(page, 'officer');
    const waiting = await apiGet<{ items: HazardRow[] }>(page, '/api/v1/hazards?level=major&status=pending_acceptance&pageSize=100');
    const hazard = mine ?? waiting.items[0];
    expect(hazard, 'the demo data holds a major hazard waiting for acceptance').toBeTruthy();
    if (!hazard) return;

    // The 动态清零 board before.
    await page.goto('/hazards/zeroing');
    const openMajor = page.getByTestId('zeroing-open-major');
    await openMajor.waitFor({ state: 'visible' });
    const before = Number(await openMajor.getAttribute('data-value'));
    expect(before).toBeGreaterThan(0);

    // 复查验收: refused without a photo, done with one.
    await page.goto(`/hazards/${hazard.id}`);
    await waitForStatus(page, '待验收');
    await page.getByTestId('hazard-action-accept').click();
    await page.getByTestId('hazard-accept-form').waitFor({ state: 'visible' });
    await settle(page);
    await page.getByTestId('hazard-accept-note').fill('复查验收：整改到位');
    await page.getByTestId('hazard-accept-form-submit').click();
    await page.getByTestId('hazard-accept-form').getByText('照片').first().waitFor({ state: 'visible' });
    expect(await status(page).textContent()).toContain('待验收');
    await page.getByTestId('hazard-accept-photos-photo-input').setInputFiles({ name: 'review.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('hazard-accept-photos-photo-0').waitFor({ state: 'visible' });
    await page.getByTestId('hazard-accept-form-submit').click();
    await clickSettled(page, page.getByTestId('hazard-accept-confirm'));
    await waitForStatus(page, '已销号');

    // The board after: one open major hazard fewer.
    await page.goto('/hazards/zeroing');
    await openMajor.waitFor({ state: 'visible' });
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="zeroing-open-major"]')?.getAttribute('data-value')) === n,
      before - 1,
      { timeout: 20_000 },
    );
  });
});
