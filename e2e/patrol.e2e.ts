/// <reference lib="dom" />
// 线上巡查 with a co-officer: `officer` reviews a wood-dust enterprise remotely (one no other journey touches), names
// `officer2` as 协同执法人员 (the picker never offers the caller himself), records one finding and saves; the created
// task has both officers (caller first) and the finding, which became a hazard.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.js';
import { apiGet, login } from './support/session.js';
import { clickSettled, settle } from './support/ui.js';

const baseUrl = inject('baseUrl');
const ENTERPRISE = '长治市上党区恒泰木门有限公司';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Officer {
  id: string;
  username: string;
  displayName: string;
  assignable: boolean;
}
interface TaskDetail {
  id: string;
  kind: string;
  status: string;
  enterpriseName: string;
  officers: { id: string; name: string }[];
  findings: { description: string; legalBasis: string; major: boolean; hazardId: string | null }[];
}

describe('online patrol with a co-officer', () => {
  it('officer patrols the enterprise with officer2 and records a finding; the task has both officers and the finding', {
    timeout: 60_000,
  }, async (t) => {
    const page = await openPage(browser, baseUrl, t);
    const run = Date.now().toString(36);
    const description = `除尘器泄爆口朝向人员通道，未设置隔离区（${run}）`;

    await login(page, 'officer');
    const officers = (await apiGet<{ items: Officer[] }>(page, '/api/v1/enforcement/officers')).items;
    const me = officers.find((o) => o.username === 'officer');
    const co = officers.find((o) => o.username === 'officer2');
    expect(me?.assignable && co?.assignable, 'the demo registers certificates for officer and officer2').toBe(true);
    if (!me || !co) return;

    await page.goto('/enforcement/patrol');
    // The enterprise search is debounced and remote: wait for the matching option before choosing it.
    const enterprise = page.getByTestId('patrol-enterprise');
    await enterprise.click();
    await page.keyboard.type('恒泰木门');
    await clickSettled(page, page.locator('[data-testid^="enterprise-option-"]').filter({ hasText: ENTERPRISE }));
    await page.waitForFunction(
      (name) => (document.querySelector('[data-testid="patrol-enterprise"]')?.textContent ?? '').includes(name),
      ENTERPRISE,
    );
    await page.getByTestId('patrol-summary').waitFor({ state: 'visible' });
    expect(await page.getByTestId('patrol-officers-hint').textContent()).toContain('不得少于两人');

    // 协同执法人员: officer2 is offered with his certificate, the caller is not.
    const select = page.getByTestId('patrol-co-officers');
    await select.click();
    await page.keyboard.type('李志刚');
    const option = page.getByTestId('patrol-co-officers-option-officer2');
    await option.waitFor({ state: 'visible' });
    expect(await option.textContent()).toContain('执法证 14040420002');
    expect(await page.getByTestId('patrol-co-officers-option-officer').count()).toBe(0);
    await settle(page);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (name) => (document.querySelector('[data-testid="patrol-co-officers"]')?.textContent ?? '').includes(name),
      co.displayName,
    );
    await page.keyboard.press('Escape');

    // One finding.
    await page.getByTestId('patrol-finding-description').fill(description);
    await page.getByTestId('patrol-finding-legal-basis').fill('《工贸企业粉尘防爆安全规定》第十一条');
    await page.getByTestId('patrol-finding-add').click();
    await page.getByTestId('patrol-findings').getByText(description).waitFor({ state: 'visible' });
    expect(await page.getByTestId('patrol-single-officer-warning').count()).toBe(0);

    // Save (confirmed); the page goes to the created task.
    await page.getByTestId('patrol-note').fill('线上巡查：查看监测数据和隐患台账');
    await page.getByTestId('patrol-submit').click();
    const summary = page.getByTestId('patrol-submit-summary');
    await summary.waitFor({ state: 'visible' });
    expect(await summary.textContent()).toContain(`执法人员：${me.displayName}、${co.displayName}`);
    await clickSettled(page, page.getByTestId('patrol-submit-confirm'));
    await page.waitForURL(/\/enforcement\/tasks\/[0-9a-f-]{36}$/);
    const taskId = page.url().split('/').pop() ?? '';
    await page.getByTestId('task-detail').waitFor({ state: 'visible' });

    const task = await apiGet<TaskDetail>(page, `/api/v1/enforcement/tasks/${taskId}`);
    expect(task.kind).toBe('online_patrol');
    expect(task.enterpriseName).toBe(ENTERPRISE);
    expect(task.status).toBe('in_progress');
    expect(task.officers.map((o) => o.id)).toEqual([me.id, co.id]);
    expect(task.findings).toHaveLength(1);
    expect(task.findings[0]).toMatchObject({ description, legalBasis: '《工贸企业粉尘防爆安全规定》第十一条', major: false });
    expect(task.findings[0]?.hazardId).toBeTruthy();
  });
});
