/// <reference lib="dom" />
// Issue #7's browser journey: `officer` starts the unannounced (四不两直) task on the demo foundry, records two findings
// (one major, judged on the spot against a standard item), issues a 责令限期整改指令书 → the foundry's principal reports
// the rectification of both hazards in the hazard loop → `officer` re-inspects (with a photo, a major finding needs
// one) and closes the task; the foundry's class changed, and its explanation names the rule that fired.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.js';
import { apiGet, login, logout } from './support/session.js';
import { clickSettled, settle } from './support/ui.js';

const baseUrl = inject('baseUrl');
const DESKTOP = { width: 1366, height: 860 };
const FOUNDRY = '山西上党荫城铸造有限公司';
/** A valid 1×1 PNG (the server checks the bytes, not the name). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface TaskRow {
  id: string;
  enterpriseId: string;
  status: string;
}
interface TaskDetail extends TaskRow {
  findings: { id: string; major: boolean; hazardId: string | null }[];
  documents: { type: string }[];
}
interface Classification {
  riskClass: string;
  explanation: { rule: string }[];
  history: { riskClass: string }[];
}

/** A day `days` after today in Asia/Shanghai, as YYYY-MM-DD. */
function shanghaiDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

async function waitForTaskStatus(page: Page, status: string) {
  await page.waitForFunction((s) => document.querySelector('[data-testid="task-detail"]')?.getAttribute('data-status') === s, status, {
    timeout: 20_000,
  });
}

async function recordFinding(
  page: Page,
  finding: { description: string; location: string; legalBasis: string; major: boolean },
  index: number,
) {
  await page.getByTestId('task-action-finding').click();
  await page.getByTestId('finding-form').waitFor({ state: 'visible' });
  await settle(page);
  await page.getByTestId('finding-description').fill(finding.description);
  await page.getByTestId('finding-location').fill(finding.location);
  if (finding.major) {
    await page.getByTestId('finding-major').click();
    // The first item of the foundry's own checklist (一行业一清单).
    const select = page.getByTestId('finding-standard-item');
    await select.click();
    await page.locator('[data-testid^="finding-standard-item-option-"]').first().waitFor({ state: 'visible' });
    await settle(page);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /第.+条/.test(document.querySelector('[data-testid="finding-standard-item"]')?.textContent ?? ''));
  }
  await page.getByTestId('finding-legal-basis').fill(finding.legalBasis);
  await page.getByTestId('finding-photos-photo-input').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: PNG });
  await page.getByTestId('finding-photos-photo-0').waitFor({ state: 'visible' });
  await page.getByTestId('finding-form-submit').click();
  await page.getByTestId('finding-form').waitFor({ state: 'hidden' });
  await page.getByTestId(`task-finding-${index}`).waitFor({ state: 'visible' });
}

describe('graded supervision and enforcement journey', () => {
  it('officer inspects the foundry → two findings (one major) → order → enterprise rectifies → re-inspection → closed; the class changes', {
    timeout: 400_000,
  }, async (t) => {
    const page = await openPage(browser, baseUrl, t);
    await page.setViewportSize(DESKTOP);
    const run = Date.now().toString(36);

    // 0. The foundry's unannounced task, ready to start, and its class before the inspection.
    await login(page, 'officer');
    const tasks = await apiGet<{ items: TaskRow[] }>(page, `/api/v1/enforcement/tasks?q=${encodeURIComponent(FOUNDRY)}&status=scheduled`);
    const task = tasks.items[0];
    expect(task, 'the demo data holds a scheduled task on the foundry').toBeTruthy();
    if (!task) return;
    const before = await apiGet<Classification>(page, `/api/v1/classification/enterprises/${task.enterpriseId}`);

    // 1. 检查任务 list → the task page → 开始检查.
    await page.goto(`/enforcement/tasks?q=${encodeURIComponent(FOUNDRY)}`);
    await page.getByTestId(`task-row-${task.id}`).getByTestId('task-row-link').click();
    await page.waitForURL(new RegExp(`/enforcement/tasks/${task.id}$`));
    await waitForTaskStatus(page, 'scheduled');
    await page.getByTestId('task-action-start').click();
    await clickSettled(page, page.getByTestId('task-start-confirm'));
    await waitForTaskStatus(page, 'in_progress');

    // 2. Two findings: a major one (with its standard item) and a general one, each with a photo.
    await recordFinding(
      page,
      {
        description: `2#中频炉冷却水系统未设置断水报警装置（${run}）`,
        location: '熔炼车间',
        legalBasis: '《中华人民共和国安全生产法》第三十六条',
        major: true,
      },
      0,
    );
    await recordFinding(
      page,
      {
        description: `浇注区安全通道被砂箱占用（${run}）`,
        location: '浇注区',
        legalBasis: '《中华人民共和国安全生产法》第四十二条',
        major: false,
      },
      1,
    );
    const withFindings = await apiGet<TaskDetail>(page, `/api/v1/enforcement/tasks/${task.id}`);
    expect(withFindings.findings.map((f) => f.major)).toEqual([true, false]);
    const hazardIds = withFindings.findings.map((f) => f.hazardId);
    expect(hazardIds.every(Boolean)).toBe(true);

    // 3. 下达责令限期整改指令书 (confirmed): both findings, fifteen days.
    await page.getByTestId('task-action-order').click();
    await page.getByTestId('order-form').waitFor({ state: 'visible' });
    await settle(page);
    await page.getByTestId('order-deadline').click();
    await page.keyboard.type(shanghaiDay(15));
    await page.keyboard.press('Enter');
    await settle(page);
    await page.getByTestId('order-requirements').fill('立即加装断水报警装置；清理浇注区安全通道');
    await page.getByTestId('order-form-submit').click();
    await clickSettled(page, page.getByTestId('order-confirm'));
    await waitForTaskStatus(page, 'rectifying');
    await page.getByTestId('task-order-0').waitFor({ state: 'visible' });
    await page.getByTestId('task-document-rectification_order').waitFor({ state: 'visible' });
    await logout(page);

    // 4. The foundry's principal reports the rectification of both hazards, each with a photo.
    await login(page, 'foundry');
    for (const hazardId of hazardIds) {
      await page.goto(`/hazards/${hazardId}`);
      await page.getByTestId('hazard-action-submit').click();
      await page.getByTestId('hazard-submit-form').waitFor({ state: 'visible' });
      await settle(page);
      await page.getByTestId('hazard-submit-note').fill('已整改完毕');
      await page.getByTestId('hazard-submit-photos-photo-input').setInputFiles({ name: 'done.png', mimeType: 'image/png', buffer: PNG });
      await page.getByTestId('hazard-submit-photos-photo-0').waitFor({ state: 'visible' });
      await page.getByTestId('hazard-submit-form-submit').click();
      await page.getByTestId('hazard-submit-form').waitFor({ state: 'hidden' });
      await page.getByTestId('hazard-action-submit').waitFor({ state: 'detached' });
    }
    await logout(page);

    // 5. `officer` re-inspects (a photo: there is a major finding) and closes the task (confirmed).
    await login(page, 'officer');
    await page.goto(`/enforcement/tasks/${task.id}`);
    await waitForTaskStatus(page, 'rectifying');
    await page.getByTestId('task-action-reinspect').click();
    await page.getByTestId('reinspect-form').waitFor({ state: 'visible' });
    await settle(page);
    await page.getByTestId('reinspect-note-0').fill('已加装断水报警并试验');
    await page.getByTestId('reinspect-photos-photo-input').setInputFiles({ name: 'review.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('reinspect-photos-photo-0').waitFor({ state: 'visible' });
    await page.getByTestId('reinspect-form-submit').click();
    await page.getByTestId('reinspect-form').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('task-order-0-reinspection').getAttribute('data-result')).toBe('passed');
    await page.getByTestId('task-action-close').click();
    await clickSettled(page, page.getByTestId('task-close-confirm'));
    await waitForTaskStatus(page, 'closed');
    for (const type of ['inspection_record', 'rectification_order', 'reinspection_opinion']) {
      await page.getByTestId(`task-document-${type}`).waitFor({ state: 'visible' });
    }

    // 6. The class changed, and the explanation shows why: a major hazard found in the last twelve months.
    await page.getByTestId('task-classification-link').click();
    const card = page.getByTestId('classification-card');
    await card.waitFor({ state: 'visible' });
    const after = await card.getAttribute('data-class');
    expect(after).not.toBe(before.riskClass);
    expect(await page.getByTestId('classification-class').getAttribute('data-class')).toBe(after);
    await page.getByTestId('classification-rule-major_hazard_found_12_months').waitFor({ state: 'visible' });
    expect(before.explanation.map((e) => e.rule)).not.toContain('major_hazard_found_12_months');
    await page.getByTestId('classification-history').waitFor({ state: 'visible' });
  });

  it('分级分类 overview with recompute; 案件 with the 一案双罚 case; the next year’s draft plan approved and published by the leader', {
    timeout: 300_000,
  }, async (t) => {
    const page = await openPage(browser, baseUrl, t);
    await page.setViewportSize(DESKTOP);
    await login(page, 'officer');

    await page.goto('/classification');
    for (const c of ['A', 'B', 'C', 'D']) await page.getByTestId(`classification-count-${c}`).waitFor({ state: 'visible' });
    await page.getByTestId('classification-by-region').waitFor({ state: 'visible' });
    await page.getByTestId('classification-recompute').click();
    await clickSettled(page, page.getByTestId('classification-recompute-confirm'));
    const result = page.getByTestId('classification-recompute-result');
    await result.waitFor({ state: 'visible' });
    expect(await result.textContent()).toMatch(/已重新计算 \d+ 家企业/);

    await page.goto('/enforcement/cases');
    await page.getByTestId('case-table').getByText('一案双罚').first().waitFor({ state: 'visible' });

    await page.goto('/enforcement/patrol');
    await page.getByTestId('patrol-enterprise').waitFor({ state: 'visible' });
    await logout(page);

    // The leader approves and publishes next year's draft.
    await login(page, 'leader');
    const year = Number(shanghaiDay().slice(0, 4)) + 1;
    await page.goto('/enforcement/plans');
    await page.getByTestId(`plan-link-${year}`).click();
    const detail = page.getByTestId('plan-detail');
    await detail.waitFor({ state: 'visible' });
    expect(await detail.getAttribute('data-status')).toBe('draft');
    await page.getByTestId('plan-entries').waitFor({ state: 'visible' });
    await page.getByTestId('plan-approve').click();
    await clickSettled(page, page.getByTestId('plan-approve-confirm'));
    await page.waitForFunction(() => document.querySelector('[data-testid="plan-detail"]')?.getAttribute('data-status') === 'approved');
    await page.getByTestId('plan-publish').click();
    await clickSettled(page, page.getByTestId('plan-publish-confirm'));
    await page.waitForFunction(() => document.querySelector('[data-testid="plan-detail"]')?.getAttribute('data-status') === 'published');
  });
});
