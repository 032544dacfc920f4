import type { CaseDto, TaskDetailDto } from '@zhiben/contracts';
import { queryRows, schema } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEnforcementDeadlineSweep } from '../src/modules/enforcement/index.js';
import {
  checklistItem,
  classify,
  docxText,
  enterpriseWith,
  fired,
  localDate,
  newOfficer,
  type Officer,
  photo,
  type TestEnterprise,
} from './enforcement.helpers.js';
import { as, auditRowsOf, buildTestApp, type Session, type TestApp } from './harness.js';

/**
 * The enforcement loop through the API (issue #7 items 3–6): task → findings (one major, judged on the spot) →
 * 责令限期整改 → the enterprise reports rectification through the hazard loop → 复查 → 办结, the class change it
 * causes, the numbered documents read back from .docx; the missed deadline that escalates and becomes a
 * 一案双罚 case.
 */
let t: TestApp;
let lead: Officer;
let second: Officer;

beforeAll(async () => {
  t = await buildTestApp();
  lead = await newOfficer(t);
  second = await newOfficer(t);
});
afterAll(async () => t?.close());

const api = (s: Session) => as(t.app, s);

async function createTask(e: TestEnterprise, extra: Record<string, unknown> = {}): Promise<TaskDetailDto> {
  const res = await api(lead.session).post('/api/v1/enforcement/tasks', {
    enterpriseId: e.enterprise.id,
    source: 'complaint',
    unannounced: false,
    officerIds: [lead.id, second.id],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function step(session: Session, url: string, body: unknown, status = 200): Promise<TaskDetailDto> {
  const res = await api(session).post(url, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

describe('task → findings → order → rectification → re-inspection → close', () => {
  it('runs the whole loop on a foundry, changes its class and explains why', async () => {
    const foundry = await enterpriseWith(t, { riskTags: ['metal_smelting', 'molten_metal_lifting'], standardizationLevel: 'level2' });
    const before = await classify(t, lead.session, foundry.enterprise.id);
    expect(before.riskClass).toBe('C');

    const task = await createTask(foundry, { unannounced: true, plannedDate: localDate(t) });
    expect(task).toMatchObject({ status: 'scheduled', unannounced: true, abilities: { start: true, findings: false } });
    const url = `/api/v1/enforcement/tasks/${task.id}`;

    // Only assigned officers act; the wrong state answers 409.
    const stranger = await newOfficer(t);
    expect((await api(stranger.session).post(`${url}/start`, {})).statusCode).toBe(403);
    const tooEarly = { description: '检查尚未开始', legalBasis: '《中华人民共和国安全生产法》第四十一条', major: false };
    expect((await api(lead.session).post(`${url}/findings`, tooEarly)).statusCode).toBe(409);

    await step(lead.session, `${url}/start`, { place: '熔炼车间、浇注区' });
    const checklist = (await api(lead.session).get(`${url}/checklist`)).json();
    expect(checklist.items.length).toBeGreaterThan(0);
    expect(checklist.general.map((g: { key: string }) => g.key)).toContain('G06');

    const item = await checklistItem(t, lead.session, foundry.enterprise.id);
    const evidence = await photo(t, lead.session);
    // A major finding needs its 令10 item (400 without).
    const noItem = await api(lead.session).post(`${url}/findings`, {
      description: '熔炼炉冷却水系统无断水报警',
      legalBasis: '《工贸企业重大事故隐患判定标准》',
      major: true,
    });
    expect(noItem.statusCode).toBe(400);
    await step(lead.session, `${url}/findings`, {
      description: `${item.text.replace(/的$/, '')}（2# 中频炉）`,
      location: '熔炼车间',
      photos: [evidence],
      standardItemId: item.id,
      legalBasis: '《中华人民共和国安全生产法》第四十一条第二款',
      major: true,
    });
    const withFindings = await step(lead.session, `${url}/findings`, {
      description: '浇注区安全通道被砂箱占用',
      location: '浇注区',
      legalBasis: '《中华人民共和国安全生产法》第四十二条',
      major: false,
    });
    expect(withFindings.findingCount).toBe(2);
    expect(withFindings.majorFindingCount).toBe(1);
    const [major, general] = withFindings.findings;
    if (!major?.hazardId || !general?.hazardId) throw new Error('findings did not become hazards');

    // The findings are hazards of the loop, judged on the spot by the officer, the principal responsible.
    const hazard = (await api(foundry.principal.session).get(`/api/v1/hazards/${major.hazardId}`)).json();
    expect(hazard).toMatchObject({
      level: 'major',
      status: 'rectifying',
      source: 'bureau_inspection',
      enterpriseId: foundry.enterprise.id,
    });
    const timeline = (await api(foundry.principal.session).get(`/api/v1/hazards/${major.hazardId}/timeline`)).json();
    expect(timeline.items.map((e: { action: string }) => e.action)).toEqual(['reported', 'judge']);

    // A major finding raises the class at once (same transaction), and the explanation says why.
    const raised = (await api(lead.session).get(`/api/v1/classification/enterprises/${foundry.enterprise.id}`)).json();
    expect(raised.riskClass).toBe('A');
    expect(fired(raised)).toEqual([
      ['start_metal_smelting', 'metal_smelting', 0],
      ['start_molten_metal_lifting', 'molten_metal_lifting', 0],
      ['open_major_hazard', 1, 1],
      ['major_hazard_found_12_months', 1, 1],
      ['standardization_level', 'level2', -1],
    ]);
    expect(raised.history[0]).toMatchObject({ trigger: 'event', previousClass: 'C', riskClass: 'A' });

    // Closing with open findings is refused; the order must list every open finding.
    expect((await api(lead.session).post(`${url}/close`, {})).json().code).toBe('TASK_HAS_OPEN_FINDINGS');
    const partial = await api(lead.session).post(`${url}/order`, {
      findingIds: [major.id],
      deadline: localDate(t, 15),
      legalBasis: '依据',
    });
    expect(partial.statusCode).toBe(400);
    const today = await api(lead.session).post(`${url}/order`, {
      findingIds: [major.id, general.id],
      deadline: localDate(t),
      legalBasis: '《中华人民共和国安全生产法》第六十五条',
    });
    expect(today.statusCode).toBe(400);

    const deadline = localDate(t, 15);
    const ordered = await step(lead.session, `${url}/order`, {
      findingIds: [major.id, general.id],
      deadline,
      legalBasis: '《中华人民共和国安全生产法》第六十五条第一款第（三）项',
      requirements: '立即停止使用2#中频炉，加装断水报警装置',
    });
    expect(ordered.status).toBe('rectifying');
    expect(ordered.orders).toHaveLength(1);
    expect(ordered.orders[0]).toMatchObject({ deadline, overdue: false, reinspection: null });
    expect(ordered.documents.map((d) => d.type)).toEqual(['inspection_record', 'rectification_order']);
    const hazardAfterOrder = (await api(foundry.principal.session).get(`/api/v1/hazards/${major.hazardId}`)).json();
    expect(hazardAfterOrder.deadline.slice(0, 10)).toBe(new Date(`${deadline}T23:59:59.999+08:00`).toISOString().slice(0, 10));

    // The enterprise sees the order on its to-do list and in its notifications.
    const todos = (await api(foundry.principal.session).get('/api/v1/todos')).json();
    expect(todos.items).toContainEqual(expect.objectContaining({ kind: 'enforcement_order', entityId: task.id }));

    // 复查 before the deadline and before the enterprise reports: 409.
    const early = await api(lead.session).post(`${url}/reinspect`, {
      findingResults: [
        { findingId: major.id, rectified: true },
        { findingId: general.id, rectified: true },
      ],
      opinion: '太早',
    });
    expect(early.json().code).toBe('REINSPECTION_TOO_EARLY');

    // The enterprise reports rectification through the hazard loop (submit with photos).
    for (const hazardId of [major.hazardId, general.hazardId]) {
      const submitted = await api(foundry.safety.session).post(`/api/v1/hazards/${hazardId}/submit`, {
        note: '已整改完毕',
        photos: [await photo(t, foundry.safety.session)],
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
    }
    const officerTodos = (await api(lead.session).get('/api/v1/todos')).json();
    expect(officerTodos.items).toContainEqual(expect.objectContaining({ kind: 'enforcement_reinspect', entityId: task.id }));

    // A major finding needs photos of the re-inspection.
    const noPhotos = await api(lead.session).post(`${url}/reinspect`, {
      findingResults: [
        { findingId: major.id, rectified: true },
        { findingId: general.id, rectified: true },
      ],
      opinion: '经复查已整改',
    });
    expect(noPhotos.statusCode).toBe(400);
    const reinspected = await step(lead.session, `${url}/reinspect`, {
      findingResults: [
        { findingId: major.id, rectified: true, note: '已加装断水报警并试验' },
        { findingId: general.id, rectified: true },
      ],
      opinion: '经复查，所列问题均已整改完毕，同意恢复使用2#中频炉。',
      photos: [await photo(t, lead.session)],
    });
    expect(reinspected.orders[0]?.reinspection).toMatchObject({ result: 'passed' });
    expect(reinspected.abilities.close).toBe(true);
    // The list carries the latest order as the detail shows it (the enterprise's list reads no details).
    const listed = (await api(foundry.principal.session).get(`/api/v1/enforcement/tasks?pageSize=100`)).json() as {
      items: { id: string; latestOrder: unknown }[];
    };
    expect(listed.items.find((x) => x.id === reinspected.id)?.latestOrder).toEqual({
      deadline: reinspected.orders[0]?.deadline,
      overdue: false,
      reinspectionResult: 'passed',
    });
    const closedHazard = (await api(foundry.principal.session).get(`/api/v1/hazards/${major.hazardId}`)).json();
    expect(closedHazard.status).toBe('closed');

    const closed = await step(lead.session, `${url}/close`, { note: '复查合格，办结' });
    expect(closed.status).toBe('closed');
    expect(closed.documents.map((d) => d.type)).toEqual(['inspection_record', 'rectification_order', 'reinspection_opinion']);

    // The class after the loop: the hazard is closed, but a major hazard was found this year.
    const after = (await api(foundry.principal.session).get(`/api/v1/classification/enterprises/${foundry.enterprise.id}`)).json();
    expect(after.riskClass).toBe('B');
    expect(fired(after)).toEqual([
      ['start_metal_smelting', 'metal_smelting', 0],
      ['start_molten_metal_lifting', 'molten_metal_lifting', 0],
      ['major_hazard_found_12_months', 1, 1],
      ['standardization_level', 'level2', -1],
    ]);
    expect(after.history.map((h: { riskClass: string }) => h.riskClass).slice(0, 3)).toEqual(['B', 'A', 'C']);

    // The documents open and say what happened: enterprise, findings, deadline, legal basis.
    const texts = new Map<string, string>();
    for (const d of closed.documents) {
      const res = await api(foundry.principal.session).get(`/api/v1/enforcement/documents/${d.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      expect(String(res.headers['content-disposition'])).toContain('.docx');
      const text = await docxText(res.rawPayload);
      expect(text).toContain(d.number);
      expect(text).toContain(foundry.enterprise.name);
      texts.set(d.type, text);
    }
    const record = texts.get('inspection_record') ?? '';
    expect(record).toContain('四不两直');
    expect(record).toContain('浇注区安全通道被砂箱占用');
    expect(record).toContain('重大事故隐患');
    expect(record).toContain(`${item.articleLabel}${item.itemLabel ? `第${item.itemLabel}项` : ''}`);
    const order = texts.get('rectification_order') ?? '';
    const [y, m, dd] = deadline.split('-').map(Number);
    expect(order).toContain(`${y}年${m}月${dd}日前整改完毕`);
    expect(order).toContain('《中华人民共和国安全生产法》第六十五条第一款第（三）项');
    expect(order).toContain('《中华人民共和国安全生产法》第四十二条');
    expect(texts.get('reinspection_opinion')).toContain('已整改完毕');
  });
});

describe('officers and validation', () => {
  it('needs two distinct officers with valid certificates', async () => {
    const e = await enterpriseWith(t);
    const one = await api(lead.session).post('/api/v1/enforcement/tasks', {
      enterpriseId: e.enterprise.id,
      source: 'other',
      unannounced: false,
      officerIds: [lead.id],
    });
    expect(one.statusCode).toBe(400);
    const uncertified = await newOfficer(t, 'bureau_officer', false);
    const res = await api(lead.session).post('/api/v1/enforcement/tasks', {
      enterpriseId: e.enterprise.id,
      source: 'other',
      unannounced: false,
      officerIds: [lead.id, uncertified.id],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'OFFICER_NOT_ASSIGNABLE', details: { officerIds: [uncertified.id] } });
    // An enterprise account is no officer.
    const res2 = await api(lead.session).post('/api/v1/enforcement/tasks', {
      enterpriseId: e.enterprise.id,
      source: 'other',
      unannounced: false,
      officerIds: [lead.id, e.principal.id],
    });
    expect(res2.json().code).toBe('OFFICER_NOT_ASSIGNABLE');
    // Enterprise accounts read their tasks; they do not create any.
    const byEnterprise = await api(e.principal.session).post('/api/v1/enforcement/tasks', {
      enterpriseId: e.enterprise.id,
      source: 'other',
      unannounced: false,
      officerIds: [lead.id, second.id],
    });
    expect(byEnterprise.statusCode).toBe(403);
  });
});

describe('missed deadline → escalation → 一案双罚', () => {
  it('escalates an overdue order, opens a case with penalties to the enterprise and its principal', async () => {
    const e = await enterpriseWith(t, { riskTags: ['dust_explosion', 'dust_metal'], dustWorkers: 8 });
    const task = await createTask(e);
    const url = `/api/v1/enforcement/tasks/${task.id}`;
    await step(lead.session, `${url}/start`, {});
    const item = await checklistItem(t, lead.session, e.enterprise.id, 11);
    const found = await step(lead.session, `${url}/findings`, {
      description: item.text,
      standardItemId: item.id,
      legalBasis: '《工贸企业粉尘防爆安全规定》第十三条',
      major: true,
    });
    const deadline = localDate(t, 3);
    await step(lead.session, `${url}/order`, {
      findingIds: found.findings.map((f) => f.id),
      deadline,
      legalBasis: '《中华人民共和国安全生产法》第六十五条',
    });

    // A day before: the enterprise is reminded. After the deadline: officers and enterprise are told, once.
    const only = { enterpriseIds: [e.enterprise.id] };
    const soon = await runEnforcementDeadlineSweep(t.handle.db, new Date(Date.parse(`${deadline}T12:00:00+08:00`)), only);
    expect(soon).toMatchObject({ dueSoon: 1, overdue: 0 });
    const late = new Date(Date.parse(`${deadline}T23:59:59+08:00`) + 2 * 86_400_000);
    const first = await runEnforcementDeadlineSweep(t.handle.db, late, only);
    expect(first.overdue).toBe(1);
    expect(first.notifications).toBeGreaterThanOrEqual(3);
    expect((await runEnforcementDeadlineSweep(t.handle.db, late, only)).notifications).toBe(0);
    const leadNotes = (await api(lead.session).get('/api/v1/notifications?pageSize=200')).json();
    expect(leadNotes.items).toContainEqual(expect.objectContaining({ kind: 'enforcement.order_overdue', entityId: task.id }));
    const enterpriseNotes = (await api(e.principal.session).get('/api/v1/notifications?pageSize=200')).json();
    expect(enterpriseNotes.items.map((n: { kind: string }) => n.kind)).toEqual(
      expect.arrayContaining(['enforcement.order_issued', 'enforcement.order_due_soon', 'enforcement.order_overdue']),
    );

    // The deadline passes (moved into the past in the database: sessions live on the real clock).
    const past = localDate(t, -2);
    await t.handle.db.execute(sql`update rectification_orders set deadline = ${past}::date where task_id = ${task.id}`);
    await t.handle.db.execute(
      sql`update hazards set deadline = ${new Date(`${past}T23:59:59.999+08:00`).toISOString()}::timestamptz
          where id in (select hazard_id from inspection_findings where task_id = ${task.id})`,
    );
    {
      const detail = (await api(lead.session).get(url)).json() as TaskDetailDto;
      expect(detail.orders[0]?.overdue).toBe(true);
      expect(detail.abilities.reinspect).toBe(true);
      // 复查: not rectified. The hazard stays 整改中 and the task 整改中; closing is refused.
      const failed = await step(lead.session, `${url}/reinspect`, {
        findingResults: found.findings.map((f) => ({ findingId: f.id, rectified: false, note: '锁气卸灰装置仍未安装' })),
        opinion: '经复查，未按期完成整改。',
      });
      expect(failed.orders[0]?.reinspection).toMatchObject({ result: 'failed' });
      expect(failed.status).toBe('rectifying');
      expect((await api(lead.session).post(`${url}/close`, {})).json().code).toBe('TASK_HAS_OPEN_FINDINGS');

      // 立案: 一案双罚 (安全生产法 第一百零二条 for the enterprise, 第九十四条 for the principal).
      const filed = await api(lead.session).post('/api/v1/enforcement/cases', {
        enterpriseId: e.enterprise.id,
        taskId: task.id,
        facts: '未在责令限期整改指令书规定的期限内消除重大事故隐患',
        legalBasis: '《中华人民共和国安全生产法》第四十一条第二款',
        enterprisePenalty: { types: ['fine', 'suspension'], fineFen: 5_000_000, penaltyBasis: '《中华人民共和国安全生产法》第一百零二条' },
        principalPenalty: {
          principalName: '测试负责人',
          types: ['fine'],
          fineFen: 1_000_000,
          penaltyBasis: '《中华人民共和国安全生产法》第九十四条',
        },
      });
      expect(filed.statusCode, filed.body).toBe(200);
      const c = filed.json() as CaseDto;
      expect(c).toMatchObject({ status: 'filed', dualPenalty: true, taskId: task.id });
      // A fine without an amount, or an amount without a fine: 400.
      const badFine = await api(lead.session).post('/api/v1/enforcement/cases', {
        enterpriseId: e.enterprise.id,
        facts: '罚款金额缺失',
        legalBasis: '依据',
        enterprisePenalty: { types: ['fine'], fineFen: 0, penaltyBasis: '依据' },
      });
      expect(badFine.statusCode).toBe(400);

      const decided = await api(lead.session).post(`/api/v1/enforcement/cases/${c.id}/decision`, {
        decidedOn: localDate(t),
        evidence: ['现场检查记录', '整改复查意见书'],
      });
      expect(decided.statusCode, decided.body).toBe(200);
      const decision = decided.json() as CaseDto;
      expect(decision.status).toBe('decided');
      expect(decision.decisions.map((d) => [d.party, d.paymentStatus, d.decisionNumber !== null])).toEqual([
        ['enterprise', 'unpaid', true],
        ['principal', 'unpaid', true],
      ]);
      const [audit] = await auditRowsOf(t.handle, decided.headers['x-request-id']);
      expect(audit?.action).toBe('enforcement.case_decided');
      expect((await api(lead.session).post(`/api/v1/enforcement/cases/${c.id}/decision`, { decidedOn: localDate(t) })).statusCode).toBe(
        409,
      );

      // Each party's decision document.
      const enterpriseDoc = await docxText(
        (await api(e.principal.session).get(`/api/v1/enforcement/documents/${decision.decisions[0]?.documentId}`)).rawPayload,
      );
      expect(enterpriseDoc).toContain('被处罚单位');
      expect(enterpriseDoc).toContain(e.enterprise.name);
      expect(enterpriseDoc).toContain('罚款人民币伍万元整');
      expect(enterpriseDoc).toContain('《中华人民共和国安全生产法》第一百零二条');
      const principalDoc = await docxText(
        (await api(e.principal.session).get(`/api/v1/enforcement/documents/${decision.decisions[1]?.documentId}`)).rawPayload,
      );
      expect(principalDoc).toContain('被处罚人');
      expect(principalDoc).toContain('测试负责人');
      expect(principalDoc).toContain('罚款人民币壹万元整');

      // The penalty now counts in the class.
      const c2 = await classify(t, lead.session, e.enterprise.id);
      expect(fired(c2).map(([rule]) => rule)).toEqual(
        expect.arrayContaining(['overdue_major_hazard', 'penalized_12_months', 'major_hazard_found_12_months']),
      );

      // Payment, then closing the case; the enterprise sees its case.
      const early = await api(lead.session).post(`/api/v1/enforcement/cases/${c.id}/close`, {});
      expect(early.statusCode).toBe(409);
      for (const party of ['enterprise', 'principal']) {
        const paid = await api(lead.session).post(`/api/v1/enforcement/cases/${c.id}/payment`, { party, paidOn: localDate(t) });
        expect(paid.statusCode, paid.body).toBe(200);
      }
      const closedCase = await api(lead.session).post(`/api/v1/enforcement/cases/${c.id}/close`, {});
      expect(closedCase.json().status).toBe('closed');
      const own = await api(e.principal.session).get(`/api/v1/enforcement/cases/${c.id}`);
      expect(own.json().decisions.map((d: { paymentStatus: string }) => d.paymentStatus)).toEqual(['paid', 'paid']);

      // 约谈 recorded against the enterprise, linked to the case.
      const measure = await api(lead.session).post('/api/v1/enforcement/measures', {
        enterpriseId: e.enterprise.id,
        kind: 'interview',
        date: localDate(t),
        subject: '重大事故隐患逾期未整改约谈',
        content: '约谈主要负责人，要求三日内报送整改方案',
        attendees: '测试负责人',
        caseId: c.id,
        hazardIds: found.findings.map((f) => f.hazardId),
      });
      expect(measure.statusCode, measure.body).toBe(200);
      const measures = (await api(e.principal.session).get(`/api/v1/enforcement/measures?enterpriseId=${e.enterprise.id}`)).json();
      expect(measures.items.map((m: { kind: string }) => m.kind)).toEqual(['interview']);

      // The lists' search box: q matches the enterprise's name (and the total counts the same rows).
      const byName = async (path: string, q: string) =>
        (await api(lead.session).get(`/api/v1/enforcement/${path}?q=${encodeURIComponent(q)}`)).json() as {
          items: { id: string; enterpriseId: string }[];
          total: number;
        };
      const name = e.enterprise.name;
      for (const path of ['cases', 'measures']) {
        const hit = await byName(path, name.slice(2, 8));
        expect(hit.items.map((x) => x.enterpriseId)).toContain(e.enterprise.id);
        expect(hit.total).toBe(hit.items.length);
        const miss = await byName(path, `${name}不存在的企业`);
        expect(miss).toEqual({ items: [], total: 0 });
      }
      expect((await byName('cases', name)).items.map((x) => x.id)).toContain(c.id);

      // The views: penalties by type and amount include this case.
      const stats = (await api(lead.session).get(`/api/v1/enforcement/stats?year=${localDate(t).slice(0, 4)}`)).json();
      expect(stats.penalties.dualPenaltyCases).toBeGreaterThanOrEqual(1);
      expect(stats.penalties.byType.map((p: { type: string }) => p.type)).toEqual(expect.arrayContaining(['fine', 'suspension']));
      expect(stats.byOfficer.map((o: { officerId: string }) => o.officerId)).toContain(lead.id);
    }
  });
});

describe('online patrol', () => {
  it('summarises an enterprise and records findings that enter the same loop', async () => {
    const e = await enterpriseWith(t, { riskTags: ['dust_explosion', 'dust_wood'], dustWorkers: 35 });
    const summary = await api(lead.session).get(`/api/v1/enforcement/enterprises/${e.enterprise.id}/patrol-summary`);
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.json()).toMatchObject({
      enterpriseId: e.enterprise.id,
      monitoring: { required: true, devices: 0, activeDevices: 0, lastReadingAt: null },
      hazards: { open: 0 },
      selfInspection: { completedLast30Days: 0, principalLedThisQuarter: 0 },
      lastInspection: null,
    });

    const alone = await api(lead.session).post('/api/v1/enforcement/patrols', {
      enterpriseId: e.enterprise.id,
      note: '监测数据长时间中断',
      findings: [{ description: '除尘器监测数据连续 3 天中断未报告', legalBasis: '《中华人民共和国安全生产法》第三十六条', major: false }],
    });
    expect(alone.statusCode, alone.body).toBe(200);
    const patrol = alone.json() as TaskDetailDto;
    expect(patrol).toMatchObject({ kind: 'online_patrol', status: 'in_progress', findingCount: 1 });
    const hazard = (await api(e.principal.session).get(`/api/v1/hazards/${patrol.findings[0]?.hazardId}`)).json();
    expect(hazard).toMatchObject({ source: 'online_patrol', status: 'rectifying' });
    // One officer may patrol, but an order needs two.
    expect(patrol.abilities.order).toBe(false);
    const order = await api(lead.session).post(`/api/v1/enforcement/tasks/${patrol.id}/order`, {
      findingIds: [patrol.findings[0]?.id],
      deadline: localDate(t, 5),
      legalBasis: '《中华人民共和国安全生产法》第六十五条',
    });
    expect(order.statusCode).toBe(400);

    const clean = await api(lead.session).post('/api/v1/enforcement/patrols', { enterpriseId: e.enterprise.id, coOfficerIds: [second.id] });
    expect(clean.json()).toMatchObject({ kind: 'online_patrol', status: 'closed', findingCount: 0 });
    const after = (await api(lead.session).get(`/api/v1/enforcement/enterprises/${e.enterprise.id}/patrol-summary`)).json();
    expect(after.hazards.open).toBe(1);
    expect(after.lastInspection?.kind).toBe('online_patrol');
    const [row] = await queryRows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from ${schema.hazards} where enterprise_id = ${e.enterprise.id} and source = 'online_patrol'`,
    );
    expect(row?.n).toBe(1);
  });
});
