/// <reference lib="dom" />
// Issue #7's web gaps: 执法统计 shows what `GET /enforcement/stats` answers; an official overrides the demo foundry's
// class with a reason and clears it again (card and API agree at each step); the leader saves the classification
// rules as a new version, including after a concurrent save (409 → reload). The journey leaves the foundry without
// an override and the rules with the same values, so enforcement.e2e.ts (same server) still sees its class change.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.js';
import { apiGet, login } from './support/session.js';
import { clickSettled, settle } from './support/ui.js';

const baseUrl = inject('baseUrl');
// Not the foundry of e2e/enforcement.e2e.ts, whose journey expects the class its own findings give.
const FOUNDRY = '长治市上党区恒通球墨铸管有限公司';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Stats {
  year: number;
  plan: { plannedInspections: number } | null;
  byMonth: { done: number }[];
  byOfficer: { officerId: string; tasks: number; started: number; closed: number; findings: number }[];
  findings: { inspections: number; findings: number; average: number };
  penalties: { cases: number; decisions: number; dualPenaltyCases: number; fineFen: number; paidFen: number };
}
interface Classification {
  riskClass: string;
  computedClass: string;
  override: { riskClass: string; reason: string } | null;
  history: { trigger: string; reason: string | null }[];
}
interface RuleSet {
  version: number;
  rules: Record<string, unknown> & { version: number };
}

const count = (n: number) => n.toLocaleString('zh-CN');
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const text = async (page: Page, id: string) => ((await page.getByTestId(id).textContent()) ?? '').trim();

/** A mutating API call with the page's session (cookie + CSRF token), as the web app makes it. */
async function apiSend<T>(page: Page, method: 'POST' | 'PUT', path: string, body: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/v1/me', { credentials: 'same-origin' })).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as T };
    },
    { method, path, body },
  ) as Promise<{ status: number; body: T }>;
}

async function waitForAttr(page: Page, id: string, attr: string, value: string) {
  await page.waitForFunction(
    ({ id, attr, value }) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute(attr) === value,
    { id, attr, value },
    { timeout: 15_000 },
  );
}

describe('enforcement statistics and classification administration', () => {
  it('执法统计 shows the figures of GET /enforcement/stats, and an empty year says so', async (t) => {
    const page = await openPage(browser, baseUrl, t);
    await login(page, 'officer');
    const stats = await apiGet<Stats>(page, '/api/v1/enforcement/stats');
    await page.goto('/enforcement/stats');
    await page.getByTestId('stats-kpi-planned').waitFor({ state: 'visible' });

    expect(await text(page, 'stats-kpi-planned')).toBe(count(stats.plan?.plannedInspections ?? 0));
    expect(await text(page, 'stats-kpi-done')).toBe(count(stats.byMonth.reduce((n, m) => n + m.done, 0)));
    expect(await text(page, 'stats-kpi-findings')).toBe(count(stats.findings.findings));
    expect(await text(page, 'stats-kpi-average')).toBe(stats.findings.average.toFixed(2));
    expect(await text(page, 'stats-kpi-cases')).toBe(count(stats.penalties.cases));
    expect(await text(page, 'stats-kpi-fine')).toBe(yuan(stats.penalties.fineFen));
    expect(stats.byOfficer.length, 'the demo data has inspections this year').toBeGreaterThan(0);
    for (const o of stats.byOfficer) {
      const cells = await page.getByTestId(`stats-officer-${o.officerId}`).locator('td').allTextContents();
      expect(cells.slice(1, 5)).toEqual([o.tasks, o.started, o.closed, o.findings].map(count));
    }
    if (stats.penalties.decisions > 0) {
      expect(await text(page, 'stats-penalty-total')).toBe(yuan(stats.penalties.fineFen));
      expect(await text(page, 'stats-payment')).toContain(`未缴纳 ${yuan(stats.penalties.fineFen - stats.penalties.paidFen)} 元`);
    }
    await page.getByTestId('stats-progress-chart').waitFor({ state: 'visible' });

    // A year without any plan, inspection or penalty: the empty state (chosen in the year select).
    const emptyYear = stats.year - 4;
    const empty = await apiGet<Stats>(page, `/api/v1/enforcement/stats?year=${emptyYear}`);
    expect(empty.plan === null && empty.findings.inspections === 0 && empty.penalties.decisions === 0).toBe(true);
    await page.getByTestId('stats-year').click();
    await clickSettled(page, page.getByTestId(`stats-year-option-${emptyYear}`));
    await page.getByTestId('stats-empty').waitFor({ state: 'visible' });
    expect(page.url()).toContain(`year=${emptyYear}`);
  });

  it('an official overrides the foundry’s class with a reason, then clears it; the card and the API agree', async (t) => {
    const page = await openPage(browser, baseUrl, t);
    await login(page, 'officer');
    const found = await apiGet<{ items: { id: string; name: string }[] }>(page, `/api/v1/enterprises?q=${encodeURIComponent(FOUNDRY)}`);
    const id = found.items.find((e) => e.name === FOUNDRY)?.id;
    expect(id, 'the demo foundry exists').toBeTruthy();
    if (!id) return;
    const url = `/api/v1/classification/enterprises/${id}`;
    const before = await apiGet<Classification>(page, url);
    expect(before.override).toBeNull();
    const target = before.riskClass === 'A' ? 'C' : 'A';
    const reason = `现场核查发现熔炼炉冷却系统缺陷（e2e ${Date.now().toString(36)}）`;

    try {
      await page.goto(`/classification/enterprises/${id}`);
      await waitForAttr(page, 'classification-card', 'data-class', before.riskClass);

      // 人工调整等级: the reason is required (Chinese message under the field), then A/C with a reason.
      await page.getByTestId('classification-action-override').click();
      await page.getByTestId('classification-override-reason').waitFor({ state: 'visible' });
      await settle(page);
      await page.getByTestId(`classification-override-class-${target}`).click();
      await page.getByTestId('classification-override-form-submit').click();
      await page.getByText('请填写调整理由').waitFor({ state: 'visible' });
      await page.getByTestId('classification-override-reason').fill('太短');
      await page.getByText('调整理由至少 5 个字').waitFor({ state: 'visible' });
      await page.getByTestId('classification-override-reason').fill(reason);
      await page.getByTestId('classification-override-form-submit').click();
      await page.getByTestId('classification-override-reason').waitFor({ state: 'hidden' });
      await waitForAttr(page, 'classification-card', 'data-override', target);
      expect(await page.getByTestId('classification-class').getAttribute('data-class')).toBe(target);
      expect(await text(page, 'classification-override')).toContain(reason);
      const overridden = await apiGet<Classification>(page, url);
      expect(overridden.override).toMatchObject({ riskClass: target, reason });
      expect(overridden.riskClass).toBe(target);
      expect(overridden.computedClass).toBe(before.computedClass);
      expect(overridden.history[0]).toMatchObject({ trigger: 'override', reason });

      // 取消人工调整: reason, then the confirmation.
      await page.getByTestId('classification-action-clear').click();
      await page.getByTestId('classification-clear-reason').waitFor({ state: 'visible' });
      await settle(page);
      await page.getByTestId('classification-clear-reason').fill('复核后恢复按规则计算的等级');
      await page.getByTestId('classification-clear-form-submit').click();
      await clickSettled(page, page.getByTestId('classification-clear-confirm'));
      await waitForAttr(page, 'classification-card', 'data-override', '');
      await waitForAttr(page, 'classification-card', 'data-class', before.computedClass);
      await page.getByTestId('classification-action-clear').waitFor({ state: 'detached' });
      const cleared = await apiGet<Classification>(page, url);
      expect(cleared.override).toBeNull();
      expect(cleared.riskClass).toBe(before.computedClass);
      expect(cleared.history[0]).toMatchObject({ trigger: 'override_cleared', reason: '复核后恢复按规则计算的等级' });
    } finally {
      // Never leave an override behind for the other journeys on this server.
      const now = await apiGet<Classification>(page, url).catch(() => null);
      if (now?.override) await apiSend(page, 'POST', `${url}/clear-override`, { reason: 'e2e 清理：取消人工调整' });
    }
  });

  it('the leader saves the rules as a new version (same values), also after a concurrent save (409 → reload)', async (t) => {
    const page = await openPage(browser, baseUrl, t);
    await login(page, 'leader');
    const before = await apiGet<RuleSet>(page, '/api/v1/classification/rules');
    // 事故记录 (read-only for the leader: registering is the officers' work).
    await page.goto('/classification');
    await page.getByTestId('classification-accidents-link').click();
    await page.getByTestId('accident-table').waitFor({ state: 'visible' });
    expect(await page.getByTestId('accident-create').count()).toBe(0);
    await page.goto('/classification');
    await page.getByTestId('classification-rules-link').click();
    await page.waitForURL(/\/classification\/rules$/);
    await waitForAttr(page, 'rules-version', 'data-version', String(before.version));

    // An edit is shown as unsaved and can be undone.
    await page.getByTestId('rule-at-least-repeated_red_alarms').fill('5');
    await page.getByText('有未保存的修改').waitFor({ state: 'visible' });
    await page.getByTestId('rules-reset').click();
    await page.getByText('未修改（也可按现值另存为新版本）').waitFor({ state: 'visible' });

    // The note is required.
    await page.getByTestId('rules-save').click();
    await page.getByTestId('rules-note-error').waitFor({ state: 'visible' });

    // Someone else saves first: this page's save answers 409, the page says so in Chinese and reloads.
    const concurrent = await apiSend<RuleSet>(page, 'PUT', '/api/v1/classification/rules', {
      rules: { ...before.rules, version: before.version + 1 },
      note: 'e2e：另一位人员同时保存（规则不变）',
    });
    expect(concurrent.status).toBe(200);
    await page.getByTestId('rules-note').fill('e2e：核对规则，按现值另存为新版本');
    await page.getByTestId('rules-save').click();
    await clickSettled(page, page.getByTestId('rules-save-confirm'));
    await page.getByTestId('rules-conflict').waitFor({ state: 'visible' });
    await waitForAttr(page, 'rules-version', 'data-version', String(before.version + 1));
    await clickSettled(page, page.getByTestId('rules-conflict-ok'));
    await page.getByTestId('rules-conflict').waitFor({ state: 'hidden' });

    // Saved again on the reloaded version: the version number increments, the values are unchanged.
    await page.getByTestId('rules-save').click();
    await clickSettled(page, page.getByTestId('rules-save-confirm'));
    await page.getByTestId('rules-saved').waitFor({ state: 'visible' });
    await waitForAttr(page, 'rules-version', 'data-version', String(before.version + 2));
    const after = await apiGet<RuleSet & { note: string | null }>(page, '/api/v1/classification/rules');
    expect(after.version).toBe(before.version + 2);
    expect(after.note).toBe('e2e：核对规则，按现值另存为新版本');
    expect({ ...after.rules, version: 0 }).toEqual({ ...before.rules, version: 0 });
  });
});
