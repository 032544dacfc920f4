/// <reference lib="dom" />
// Issue #7, the enterprise side of enforcement: enterprise accounts see 执法检查 in their menu — their inspections as the
// server lists them (an unannounced 四不两直 task only once it has started), a read-only task page (findings, the order
// with a link to each finding's hazard, the documents as .docx, no officer actions) and 我的处罚 (their cases with the
// decisions' .docx). Set-up through the API: `officer` plans an unannounced task on 鑫源木业 (not started: the journey of
// enforcement.e2e.ts on the foundry is left alone), `admin` adds a principal account to 华强压铸, whose demo data hold an
// inspection with findings, an overdue order and a 一案双罚 case.
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.js';
import { apiGet, DEMO_PASSWORD, login, logout } from './support/session.js';

const baseUrl = inject('baseUrl');
const DESKTOP = { width: 1366, height: 860 };
const PHONE = { width: 390, height: 844 };
const XINYUAN = '长治市上党区鑫源木业有限公司';
const HUAQIANG = '长治市上党区华强压铸有限公司';
const OFFICER_ACTIONS = ['start', 'finding', 'order', 'reinspect', 'close', 'cancel'];
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
  unannounced: boolean;
  findingCount: number;
}
interface TaskDetail extends TaskRow {
  findings: { id: string; hazardId: string | null }[];
  orders: { documentNumber: string; deadline: string }[];
  documents: { id: string; type: string; number: string }[];
  caseIds: string[];
}
interface CaseRow {
  id: string;
  enterpriseId: string;
  dualPenalty: boolean;
  decisions: { documentId: string | null; paymentStatus: string }[];
}

/** An API session of its own (cookie + CSRF token), for the set-up done by the bureau's accounts. */
async function apiSession(username: string) {
  const context = await browser.newContext({ baseURL: baseUrl });
  const request: APIRequestContext = context.request;
  const login = await request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  if (!login.ok()) throw new Error(`login ${username}: ${login.status()}`);
  const me = (await (await request.get('/api/v1/me')).json()) as { csrfToken: string };
  const call = async <T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> => {
    const res = await request.fetch(path, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
    if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, data: unknown) => call<T>('POST', path, data),
    close: () => context.close(),
  };
}

/** The HTTP status of a GET with the page's session (for documents and hidden rows). */
function statusOf(page: Page, path: string): Promise<{ status: number; type: string }> {
  return page.evaluate(async (url) => {
    const res = await fetch(url, { credentials: 'same-origin' });
    return { status: res.status, type: res.headers.get('content-type') ?? '' };
  }, path);
}

async function expectNoOfficerActions(page: Page) {
  expect(await page.getByTestId('task-actions').count()).toBe(0);
  for (const action of OFFICER_ACTIONS) expect(await page.getByTestId(`task-action-${action}`).count()).toBe(0);
}

describe('enterprise side of enforcement', () => {
  it('enterprise accounts: 执法检查 list = API, an unannounced task not started stays hidden, a started one read-only (desktop and phone), 我的处罚', {
    timeout: 120_000,
  }, async (t) => {
    const run = Date.now().toString(36);
    const day = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

    // Set-up: an unannounced, not yet started task on 鑫源木业; a principal account for 华强压铸.
    const officer = await apiSession('officer');
    const enterpriseId = async (name: string) =>
      (await officer.get<{ items: { id: string; name: string }[] }>(`/api/v1/enterprises?q=${encodeURIComponent(name)}`)).items.find(
        (e) => e.name === name,
      )?.id ?? '';
    const xinyuanId = await enterpriseId(XINYUAN);
    const huaqiangId = await enterpriseId(HUAQIANG);
    expect(xinyuanId && huaqiangId, 'the demo enterprises exist').toBeTruthy();
    const officers = await officer.get<{ items: { id: string }[] }>('/api/v1/enforcement/officers');
    const hidden = await officer.post<TaskRow>('/api/v1/enforcement/tasks', {
      enterpriseId: xinyuanId,
      source: 'other',
      unannounced: true,
      officerIds: officers.items.slice(0, 2).map((o) => o.id),
      plannedDate: day(3),
      note: `四不两直（${run}）`,
    });
    expect(hidden.status).toBe('scheduled');
    await officer.close();
    const admin = await apiSession('admin');
    const huaqiangUser = `hq${run}`;
    await admin.post('/api/v1/users', {
      username: huaqiangUser,
      displayName: '华强负责人',
      role: 'enterprise_principal',
      enterpriseId: huaqiangId,
      password: DEMO_PASSWORD,
    });
    await admin.close();

    const page = await openPage(browser, baseUrl, t);
    await page.setViewportSize(DESKTOP);

    // 1. The foundry's principal: the 执法检查 menu, and the list is exactly what the API returns for him.
    await login(page, 'foundry');
    expect(await page.getByTestId('menu-enforcement').textContent()).toContain('执法检查');
    await page.getByTestId('menu-my-enforcement-cases').waitFor({ state: 'visible' });
    expect(await page.getByTestId('menu-enforcement-tasks').count(), 'not the bureau’s 检查任务').toBe(0);
    await page.getByTestId('menu-my-enforcement-tasks').click();
    await page.waitForURL(/\/enforcement\/tasks$/);
    await page.getByTestId('my-task-table').waitFor({ state: 'visible' });
    const foundryTasks = await apiGet<{ items: TaskRow[] }>(page, '/api/v1/enforcement/tasks?pageSize=100');
    await expect
      .poll(() =>
        page.locator('[data-testid^="my-task-"][data-row-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key'))),
      )
      .toEqual(foundryTasks.items.map((x) => x.id));
    expect(foundryTasks.items.every((x) => !x.unannounced || x.status !== 'scheduled')).toBe(true);
    await logout(page);

    // 2. 鑫源木业's principal: the unannounced task is neither listed nor readable; its URL shows 不存在.
    await login(page, 'principal');
    await page.goto('/enforcement/tasks');
    await page.getByTestId('my-task-table').waitFor({ state: 'visible' });
    const xinyuanTasks = await apiGet<{ items: TaskRow[] }>(page, '/api/v1/enforcement/tasks?pageSize=100');
    expect(xinyuanTasks.items.map((x) => x.id)).not.toContain(hidden.id);
    expect(await page.getByTestId(`my-task-${hidden.id}`).count()).toBe(0);
    expect((await statusOf(page, `/api/v1/enforcement/tasks/${hidden.id}`)).status).toBe(404);
    await page.goto(`/enforcement/tasks/${hidden.id}`);
    await page.getByTestId('task-not-found').waitFor({ state: 'visible' });
    await logout(page);

    // 3. 华强压铸's principal: the started inspection with findings, the order and the documents — read-only.
    await login(page, huaqiangUser);
    const tasks = await apiGet<{ items: TaskRow[] }>(page, '/api/v1/enforcement/tasks?pageSize=100');
    const started = tasks.items.find((x) => x.findingCount > 0);
    expect(started, 'the demo 整改中 inspection of 华强压铸').toBeTruthy();
    if (!started) return;
    const detail = await apiGet<TaskDetail>(page, `/api/v1/enforcement/tasks/${started.id}`);
    // The workbench's 责令限期整改 to-do opens the task page.
    await page.goto('/todos');
    await page.locator('[data-testid="todo-item"][data-kind="enforcement_order"]').first().click();
    await page.waitForURL(new RegExp(`/enforcement/tasks/${started.id}$`));
    await page.getByTestId('task-detail').waitFor({ state: 'visible' });
    for (let i = 0; i < detail.findings.length; i++) await page.getByTestId(`task-finding-${i}`).waitFor({ state: 'visible' });
    await page
      .getByTestId('task-order-0')
      .getByText(detail.orders[0]?.documentNumber ?? '?')
      .waitFor({ state: 'visible' });
    const hazardLink = page.getByTestId('task-order-0-hazard-0');
    expect(await hazardLink.getAttribute('href')).toBe(`/hazards/${detail.findings[0]?.hazardId}`);
    for (const type of ['inspection_record', 'rectification_order']) {
      await page.getByTestId(`task-document-${type}`).first().waitFor({ state: 'visible' });
    }
    const documentLinks = await page
      .locator('[data-testid^="task-document-"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(documentLinks).toHaveLength(detail.documents.length);
    const order = detail.documents.find((d) => d.type === 'rectification_order');
    const docx = await statusOf(page, `/api/v1/enforcement/documents/${order?.id}`);
    expect(docx.status).toBe(200);
    expect(docx.type).toContain('officedocument.wordprocessingml');
    await expectNoOfficerActions(page);
    // The hazard the finding became opens (the enterprise rectifies there).
    await hazardLink.click();
    await page.waitForURL(new RegExp(`/hazards/${detail.findings[0]?.hazardId}$`));

    // 4. 我的处罚: the 一案双罚 case with each party's decision as .docx; another enterprise's document answers 404.
    await page.goto('/my/enforcement/cases');
    const cases = await apiGet<{ items: CaseRow[] }>(page, '/api/v1/enforcement/cases');
    expect(cases.items.length).toBeGreaterThan(0);
    expect(cases.items.every((c) => c.enterpriseId === huaqiangId)).toBe(true);
    const dual = cases.items.find((c) => c.dualPenalty);
    expect(dual).toBeTruthy();
    if (!dual) return;
    const card = page.getByTestId(`my-case-${dual.id}`);
    await card.waitFor({ state: 'visible' });
    for (let i = 0; i < dual.decisions.length; i++) {
      expect(await card.getByTestId(`my-case-${dual.id}-decision-${i}-document`).getAttribute('href')).toBe(
        `/api/v1/enforcement/documents/${dual.decisions[i]?.documentId}`,
      );
    }
    // 5. The same task page on a phone: findings as cards, documents, still no actions.
    await page.setViewportSize(PHONE);
    await page.goto(`/enforcement/tasks/${started.id}`);
    await page.getByTestId('task-detail').waitFor({ state: 'visible' });
    await page.getByTestId('task-finding-hazard-0').waitFor({ state: 'visible' });
    await page.getByTestId('task-document-rectification_order').waitFor({ state: 'visible' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoOfficerActions(page);
    await page.setViewportSize(DESKTOP);
    await logout(page);

    // 6. A document of 华强压铸 is not 鑫源木业's: 404, as is 华强压铸's case.
    await login(page, 'principal');
    expect((await statusOf(page, `/api/v1/enforcement/documents/${order?.id}`)).status).toBe(404);
    expect((await statusOf(page, `/api/v1/enforcement/cases/${dual.id}`)).status).toBe(404);
  });
});
