/// <reference lib="dom" />
// Issue #7's 案件 journey in the browser: `officer` files a case (立案) against the demo foundry with 一案双罚 — a fine
// to the enterprise and one to its principal, whose name comes from the registry — finds it in the list, opens it,
// makes the penalty decision (two 行政处罚决定书, one per party, as .docx links), registers both payments and closes
// the case after confirming; the server's state matches each step. Then a 约谈 is recorded and listed under its kind.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.js';
import { apiGet, login } from './support/session.js';
import { chooseOption, clickSettled, settle } from './support/ui.js';

const baseUrl = inject('baseUrl');
const DESKTOP = { width: 1366, height: 860 };
// Not the foundry of e2e/enforcement.e2e.ts: a penalty here would move that journey's class before it starts.
const FOUNDRY = '长治市上党区铁府铸造有限公司';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Enterprise {
  id: string;
  name: string;
  principalName: string | null;
}
interface Decision {
  party: 'enterprise' | 'principal';
  partyName: string;
  types: string[];
  fineFen: number;
  decisionNumber: string | null;
  documentId: string | null;
  decisionDate: string | null;
  paymentStatus: string;
  paidAt: string | null;
}
interface Case {
  id: string;
  enterpriseId: string;
  status: string;
  facts: string;
  dualPenalty: boolean;
  decisions: Decision[];
  closedAt: string | null;
}
interface Measure {
  id: string;
  kind: string;
  subject: string;
  attendees: string | null;
  enterpriseId: string;
}

/** Today in Asia/Shanghai, as YYYY-MM-DD (what the date pickers default to). */
function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

async function waitForCaseStatus(page: Page, status: string) {
  await page.waitForFunction((s) => document.querySelector('[data-testid="case-detail"]')?.getAttribute('data-status') === s, status, {
    timeout: 20_000,
  });
}

/** Ticks one penalty kind of a Checkbox.Group (its input is hidden: the label is what a user clicks). */
async function tick(group: Locator, label: string) {
  await group.getByText(label, { exact: true }).click();
}

async function waitForPayment(page: Page, party: string, status: string) {
  await page.waitForFunction(
    ([p, s]) => document.querySelector(`[data-testid="case-decision-payment-${p}"]`)?.getAttribute('data-payment') === s,
    [party, status] as const,
    { timeout: 20_000 },
  );
}

describe('enforcement cases and measures', () => {
  it('officer files a 一案双罚 case against the foundry → decision with two .docx → both fines paid → closed', {
    timeout: 120_000,
  }, async (t) => {
    const page = await openPage(browser, baseUrl, t);
    await page.setViewportSize(DESKTOP);
    const run = Date.now().toString(36);
    const facts = `熔炼车间中频炉冷却水系统未设置断水报警装置，经责令限期整改逾期未改正（${run}）`;

    await login(page, 'officer');
    const found = await apiGet<{ items: Enterprise[] }>(page, `/api/v1/enterprises?q=${encodeURIComponent(FOUNDRY)}`);
    const foundry = found.items.find((e) => e.name === FOUNDRY);
    expect(foundry, 'the demo foundry exists').toBeTruthy();
    if (!foundry) return;

    // 1. 新建案件: enterprise, facts, basis, the enterprise's penalty (warning + fine) and the principal's (fine).
    await page.goto('/enforcement/cases');
    await page.getByTestId('case-table').waitFor({ state: 'visible' });
    await page.getByTestId('case-create').click();
    const form = page.getByTestId('case-create-form');
    await form.waitFor({ state: 'visible' });
    await settle(page);
    // Client validation first: nothing filled → Chinese messages under the fields, nothing sent.
    await page.getByTestId('case-create-form-submit').click();
    await form.getByText('请选择被处罚企业').waitFor({ state: 'visible' });
    await form.getByText('请选择处罚种类').first().waitFor({ state: 'visible' });

    await chooseOption(page, page.getByTestId('case-create-enterprise'), '铁府铸造', FOUNDRY);
    await page.getByTestId('case-create-facts').fill(facts);
    await page.getByTestId('case-create-legal-basis').fill('《中华人民共和国安全生产法》第三十六条');
    const entTypes = page.getByTestId('case-create-enterprise-penalty-types');
    await tick(entTypes, '警告');
    await tick(entTypes, '罚款');
    await page.getByTestId('case-create-enterprise-penalty-fine').fill('30000');
    await page.getByTestId('case-create-enterprise-penalty-basis').fill('《中华人民共和国安全生产法》第九十九条');

    await page.getByTestId('case-create-dual').click();
    const principalName = page.getByTestId('case-create-principal-name');
    await principalName.waitFor({ state: 'visible' });
    if (foundry.principalName) {
      // Prefilled from the registry.
      await page.waitForFunction(
        (name) => (document.querySelector('[data-testid="case-create-principal-name"]') as HTMLInputElement | null)?.value === name,
        foundry.principalName,
      );
    } else {
      await principalName.fill('张三');
    }
    await tick(page.getByTestId('case-create-principal-penalty-types'), '罚款');
    await page.getByTestId('case-create-principal-penalty-fine').fill('5000.5');
    await page.getByTestId('case-create-principal-penalty-basis').fill('《中华人民共和国安全生产法》第九十五条');
    await page.getByTestId('case-create-form-submit').click();
    await form.waitFor({ state: 'hidden' });

    // 2. The server holds the case as entered (元 → 分), and the list shows it; its link opens the case.
    const listed = await apiGet<{ items: Case[] }>(page, `/api/v1/enforcement/cases?q=${encodeURIComponent('铁府')}&status=filed`);
    const filed = listed.items.find((c) => c.facts === facts);
    expect(filed, 'the new case is listed under its enterprise name').toBeTruthy();
    if (!filed) return;
    expect(filed.enterpriseId).toBe(foundry.id);
    expect(filed.dualPenalty).toBe(true);
    const byParty = (c: Case, party: Decision['party']) => c.decisions.find((d) => d.party === party);
    expect(byParty(filed, 'enterprise')).toMatchObject({ types: ['warning', 'fine'], fineFen: 3_000_000, paymentStatus: 'unpaid' });
    expect(byParty(filed, 'principal')).toMatchObject({ types: ['fine'], fineFen: 500_050, paymentStatus: 'unpaid' });
    if (foundry.principalName) expect(byParty(filed, 'principal')?.partyName).toBe(foundry.principalName);

    const row = page.getByTestId(`case-row-${filed.id}`);
    await row.waitFor({ state: 'visible' });
    expect(await row.textContent()).toContain('一案双罚');
    await row.getByTestId('case-row-link').click();
    await page.waitForURL(new RegExp(`/enforcement/cases/${filed.id}$`));
    await waitForCaseStatus(page, 'filed');
    expect(await page.getByTestId('case-facts').textContent()).toBe(facts);

    // 3. 作出处罚决定 (confirmed): two decision numbers, each a .docx link.
    await page.getByTestId('case-action-decide').click();
    await page.getByTestId('case-decision-form').waitFor({ state: 'visible' });
    await settle(page);
    await page.getByTestId('case-decision-evidence').fill('现场检查记录\n责令限期整改指令书及复查意见书');
    await page.getByTestId('case-decision-form-submit').click();
    await clickSettled(page, page.getByTestId('case-decision-confirm'));
    await waitForCaseStatus(page, 'decided');
    const decided = await apiGet<Case>(page, `/api/v1/enforcement/cases/${filed.id}`);
    const numbers = decided.decisions.map((d) => d.decisionNumber);
    expect(numbers.every(Boolean)).toBe(true);
    expect(new Set(numbers).size).toBe(2);
    expect(decided.decisions.every((d) => d.decisionDate === shanghaiToday())).toBe(true);
    for (const d of decided.decisions) {
      const link = page.getByTestId(`case-decision-doc-${d.party}`);
      await link.waitFor({ state: 'visible' });
      expect(await link.textContent()).toContain(`${d.decisionNumber}（.docx）`);
      expect(await link.getAttribute('href')).toBe(`/api/v1/enforcement/documents/${d.documentId}`);
    }
    // The .docx itself is served to the officer.
    const docStatus = await page.evaluate(
      async (href) => (await fetch(href, { credentials: 'same-origin' })).status,
      `/api/v1/enforcement/documents/${decided.decisions[0]?.documentId}`,
    );
    expect(docStatus).toBe(200);

    // 4. 登记缴款 for the enterprise, then for the principal (the only one left), paid today.
    await page.getByTestId('case-action-payment').click();
    await page.getByTestId('case-payment-form').waitFor({ state: 'visible' });
    await settle(page);
    await page.getByTestId('case-payment-party-enterprise').click();
    await page.getByTestId('case-payment-form-submit').click();
    await page.getByTestId('case-payment-form').waitFor({ state: 'hidden' });
    await waitForPayment(page, 'enterprise', 'paid');
    // Not closable while the principal's fine is unpaid.
    expect(await page.getByTestId('case-action-close').count()).toBe(0);
    await page.getByTestId('case-action-payment').click();
    await page.getByTestId('case-payment-form').waitFor({ state: 'visible' });
    await settle(page);
    expect(await page.getByTestId('case-payment-party-enterprise').count()).toBe(0);
    await page.getByTestId('case-payment-form-submit').click();
    await page.getByTestId('case-payment-form').waitFor({ state: 'hidden' });
    await waitForPayment(page, 'principal', 'paid');

    // 5. 结案 with confirmation: cancelling first changes nothing.
    await page.getByTestId('case-action-close').click();
    await page.getByTestId('case-close-confirm').waitFor({ state: 'visible' });
    await settle(page);
    await page.getByTestId('case-close-cancel').click();
    await page.getByTestId('case-close-confirm').waitFor({ state: 'hidden' });
    expect((await apiGet<Case>(page, `/api/v1/enforcement/cases/${filed.id}`)).status).toBe('decided');
    await page.getByTestId('case-action-close').click();
    await page.getByTestId('case-close-note').fill('罚款已全部缴纳');
    await clickSettled(page, page.getByTestId('case-close-confirm'));
    await waitForCaseStatus(page, 'closed');
    expect(await page.getByTestId('case-actions').count()).toBe(0);

    const closed = await apiGet<Case>(page, `/api/v1/enforcement/cases/${filed.id}`);
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).toBeTruthy();
    expect(closed.decisions.map((d) => [d.party, d.paymentStatus, d.paidAt])).toEqual(
      expect.arrayContaining([
        ['enterprise', 'paid', shanghaiToday()],
        ['principal', 'paid', shanghaiToday()],
      ]),
    );
    await page.getByTestId('case-timeline').getByText('结案', { exact: true }).waitFor({ state: 'visible' });
  });

  it('officer records a 约谈 of the foundry; it is listed under 约谈 and not under 曝光', { timeout: 60_000 }, async (t) => {
    const page = await openPage(browser, baseUrl, t);
    await page.setViewportSize(DESKTOP);
    const subject = `重大事故隐患整改推进不力（${Date.now().toString(36)}）`;
    await login(page, 'officer');

    await page.goto('/enforcement/measures');
    await page.getByTestId('measure-table').waitFor({ state: 'visible' });
    await page.getByTestId('measure-create').click();
    const form = page.getByTestId('measure-create-form');
    await form.waitFor({ state: 'visible' });
    await settle(page);
    await page.getByTestId('measure-create-kind').getByText('约谈', { exact: true }).click();
    await chooseOption(page, page.getByTestId('measure-create-enterprise'), '铁府铸造', FOUNDRY);
    await page.getByTestId('measure-create-subject').fill(subject);
    await page.getByTestId('measure-create-content').fill('约谈企业主要负责人，要求 15 日内完成中频炉断水报警装置整改并书面报告。');
    await page.getByTestId('measure-create-attendees').fill('主要负责人、安全管理人员');
    await page.getByTestId('measure-create-form-submit').click();
    await form.waitFor({ state: 'hidden' });

    const listed = await apiGet<{ items: Measure[] }>(page, '/api/v1/enforcement/measures?kind=interview&pageSize=100');
    const measure = listed.items.find((m) => m.subject === subject);
    expect(measure, 'the 约谈 is stored').toBeTruthy();
    expect(measure?.attendees).toBe('主要负责人、安全管理人员');

    const filter = page.getByTestId('measure-filter-kind');
    await filter.getByText('约谈', { exact: true }).click();
    await page.waitForURL(/kind=interview/);
    await page.getByTestId(`measure-row-${measure?.id}`).waitFor({ state: 'visible' });
    await filter.getByText('曝光', { exact: true }).click();
    await page.waitForURL(/kind=exposure/);
    await page.getByTestId(`measure-row-${measure?.id}`).waitFor({ state: 'hidden' });
  });
});
