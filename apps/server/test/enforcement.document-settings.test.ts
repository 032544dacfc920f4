import {
  DEFAULT_DOCUMENT_ISSUER,
  DEFAULT_DOCUMENT_NUMBER_PREFIXES,
  type DocumentSettingsDto,
  type EnforcementDocumentDto,
  type TaskDetailDto,
} from '@zhiben/contracts';
import { queryRows, schema } from '@zhiben/db';
import { parseDocumentNumber, sequenceProblems } from '@zhiben/domain';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT_SETTINGS, documentSettingsIn } from '../src/modules/enforcement/document-settings.service.js';
import { docxText, enterpriseWith, localDate, newOfficer, type Officer } from './enforcement.helpers.js';
import { as, auditRowsOf, buildTestApp, createUser, login, regionByCode, type Session, type TestApp, uniq } from './harness.js';

/**
 * 执法文书设置 (issue #7: the documents' wording as versioned data an official corrects without a code change): the
 * issuer, the 复议/诉讼 authorities and the number prefixes. The settings row is global and, on PostgreSQL, shared
 * with the other test files: nothing here assumes a rev, and the wording in force before is restored at the end.
 */
let t: TestApp;
let lead: Officer;
let second: Officer;
let leader: Officer;
let township: Session;
let original: DocumentSettingsDto;

const URL = '/api/v1/enforcement/document-settings';
const api = (s: Session) => as(t.app, s);

async function current(): Promise<DocumentSettingsDto> {
  const res = await api(lead.session).get(URL);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const bodyOf = (s: Pick<DocumentSettingsDto, 'rev' | 'issuer' | 'prefixes'>, reason = '测试修改') => ({
  rev: s.rev + 1,
  issuer: s.issuer,
  prefixes: s.prefixes,
  reason,
});

beforeAll(async () => {
  t = await buildTestApp();
  lead = await newOfficer(t);
  second = await newOfficer(t);
  leader = await newOfficer(t, 'bureau_leader', false);
  const region = await regionByCode(t.handle, '140404102');
  township = await login(t.app, (await createUser(t.handle, 'township_officer', { regionId: region.id })).username);
  original = await current();
});

afterAll(async () => {
  // Restore the wording in force before this file (as a new rev); another file may save in between: retry.
  if (t && original) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const now = await current();
      const res = await api(leader.session).call('PUT', URL, bodyOf({ ...original, rev: now.rev }, '测试结束，恢复原设置'));
      if (res.statusCode === 200) break;
    }
  }
  await t?.close();
});

/** A task of the enterprise started with one finding and ordered: its 责令限期整改指令书. */
async function orderDocument(): Promise<{ doc: EnforcementDocumentDto; enterprise: Awaited<ReturnType<typeof enterpriseWith>> }> {
  const e = await enterpriseWith(t);
  const created = await api(lead.session).post('/api/v1/enforcement/tasks', {
    enterpriseId: e.enterprise.id,
    source: 'complaint',
    unannounced: false,
    officerIds: [lead.id, second.id],
  });
  expect(created.statusCode, created.body).toBe(200);
  const url = `/api/v1/enforcement/tasks/${created.json().id}`;
  expect((await api(lead.session).post(`${url}/start`, { place: '车间' })).statusCode).toBe(200);
  const withFinding = await api(lead.session).post(`${url}/findings`, {
    description: '安全通道被物料占用',
    location: '车间',
    legalBasis: '《中华人民共和国安全生产法》第四十二条',
    major: false,
  });
  expect(withFinding.statusCode, withFinding.body).toBe(200);
  const finding = (withFinding.json() as TaskDetailDto).findings[0];
  const ordered = await api(lead.session).post(`${url}/order`, {
    findingIds: [finding?.id],
    deadline: localDate(t, 10),
    legalBasis: '《中华人民共和国安全生产法》第六十五条第一款第（三）项',
  });
  expect(ordered.statusCode, ordered.body).toBe(200);
  const doc = (ordered.json() as TaskDetailDto).documents.find((d) => d.type === 'rectification_order');
  if (!doc) throw new Error('no rectification order issued');
  const listed = (await api(lead.session).get(`/api/v1/enforcement/documents?taskId=${created.json().id}&type=rectification_order`)).json();
  return { doc: listed.items[0] ?? doc, enterprise: e };
}

async function download(session: Session, id: string): Promise<string> {
  const res = await api(session).get(`/api/v1/enforcement/documents/${id}`);
  expect(res.statusCode).toBe(200);
  return docxText(res.rawPayload);
}

describe('document settings', () => {
  it('answers the settings in force to bureau and township officials; the defaults while none are saved', async () => {
    if (original.rev === 0) {
      expect(original).toEqual({
        rev: 0,
        issuer: DEFAULT_DOCUMENT_ISSUER,
        prefixes: DEFAULT_DOCUMENT_NUMBER_PREFIXES,
        updatedAt: null,
        updatedByName: null,
        isDefault: true,
      });
    } else expect(original.isDefault).toBe(false);
    // Without a row (deleted inside a transaction that is rolled back) the code defaults apply.
    const rolledBack = new Error('rollback');
    await expect(
      t.handle.db.transaction(async (tx) => {
        await tx.delete(schema.enforcementDocumentSettings);
        expect(await documentSettingsIn(tx)).toEqual(DEFAULT_DOCUMENT_SETTINGS);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);

    const byTownship = await api(township).get(URL);
    expect(byTownship.statusCode).toBe(200);
    expect(byTownship.json().rev).toBe(original.rev);
    // Enterprise accounts read their own documents but not the bureau's settings.
    const e = await enterpriseWith(t);
    expect((await api(e.principal.session).get(URL)).statusCode).toBe(403);
  });

  it('refuses a change without the permission, with a bad prefix or name, and on a stale rev', async () => {
    const now = await current();
    const byOfficer = await api(lead.session).call('PUT', URL, bodyOf(now));
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json().code).toBe('FORBIDDEN');
    expect((await api(township).call('PUT', URL, bodyOf(now))).statusCode).toBe(403);

    const bracket = await api(leader.session).call('PUT', URL, {
      ...bodyOf(now),
      prefixes: { ...now.prefixes, rectification_order: '上应急〔责改' },
    });
    expect(bracket.statusCode).toBe(400);
    expect(bracket.json().code).toBe('VALIDATION_FAILED');
    expect(bracket.json().details.issues).toContainEqual({
      path: ['body', 'prefixes', 'rectification_order'],
      message: '文号前缀不能包含〔〕、方括号、数字或空格',
    });
    for (const bad of ['上应急责改2', '上应急 责改', '', '上应急责改上应急责改上应急']) {
      const res = await api(leader.session).call('PUT', URL, { ...bodyOf(now), prefixes: { ...now.prefixes, rectification_order: bad } });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().details.issues[0].message).toMatch(/文号前缀/);
    }
    const same = await api(leader.session).call('PUT', URL, {
      ...bodyOf(now),
      prefixes: { ...now.prefixes, penalty_decision: now.prefixes.rectification_order },
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().details.issues[0]).toMatchObject({
      path: ['body', 'prefixes', 'penalty_decision'],
      message: '文号前缀与“责令限期整改指令书”相同，各类文书的前缀须不同',
    });
    const shortName = await api(leader.session).call('PUT', URL, { ...bodyOf(now), issuer: { ...now.issuer, court: '院' } });
    expect(shortName.statusCode).toBe(400);
    expect(shortName.json().details.issues[0].message).toBe('行政诉讼法院名称至少 2 个字');
    const noReason = await api(leader.session).call('PUT', URL, { ...bodyOf(now), reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details.issues[0].message).toMatch(/修改说明/);

    for (const rev of [now.rev, now.rev + 2]) {
      const stale = await api(leader.session).call('PUT', URL, { ...bodyOf(now), rev });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'DOCUMENT_SETTINGS_CONFLICT', message: '执法文书设置已被他人修改，请刷新后重试' });
      expect(await auditRowsOf(t.handle, stale.headers['x-request-id'])).toHaveLength(0);
    }
    expect((await current()).rev).toBe(now.rev);
  });

  it('applies a change to documents issued after it only; numbering continues the year', async () => {
    // Before: a 责令限期整改指令书 with the wording in force.
    const before = await orderDocument();
    const beforeNumber = parseDocumentNumber(before.doc.number);
    const beforeText = await download(lead.session, before.doc.id);
    expect(beforeNumber?.prefix).toBe(original.prefixes.rectification_order);
    expect(beforeText.split('\n')[0]).toBe(original.issuer.name);

    // The leader corrects the wording.
    const name = `长治市上党区应急管理局（${uniq('测试')}）`;
    const now = await current();
    const next = {
      issuer: { name, reviewAuthority: '长治市上党区人民政府（测试）', court: '长治市上党区人民法院（测试）' },
      prefixes: { ...now.prefixes, rectification_order: '上应急改测' },
    };
    const saved = await api(leader.session).call('PUT', URL, { rev: now.rev + 1, ...next, reason: '按局务会意见更正发文机关名称' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ rev: now.rev + 1, ...next, isDefault: false, updatedByName: '测试bureau_leader' });
    const [audit] = await auditRowsOf(t.handle, saved.headers['x-request-id']);
    expect(audit).toMatchObject({
      action: 'enforcement.document_settings_updated',
      entityType: 'enforcement_document_settings',
      entityId: 'district',
      actorId: leader.id,
      before: { rev: now.rev, issuer: now.issuer, prefixes: now.prefixes },
      after: { rev: now.rev + 1, ...next, reason: '按局务会意见更正发文机关名称' },
    });
    expect((await api(township).get(URL)).json()).toMatchObject({ rev: now.rev + 1, ...next });

    // After: the next order carries the new prefix; its sequence continues the year's counter.
    const after = await orderDocument();
    const afterNumber = parseDocumentNumber(after.doc.number);
    expect(afterNumber).toMatchObject({ prefix: '上应急改测', year: beforeNumber?.year });
    expect(afterNumber?.sequence).toBeGreaterThan(beforeNumber?.sequence ?? Number.POSITIVE_INFINITY);
    const rows = await queryRows<{ sequence: number }>(
      t.handle.db,
      sql`select sequence from enforcement_documents where type = 'rectification_order' and year = ${afterNumber?.year}`,
    );
    // Every number of the year, under either prefix: exactly 1..n (no reset, no gap, no repeat).
    expect(sequenceProblems(rows.map((r) => Number(r.sequence)))).toEqual({ duplicates: [], gaps: [] });
    const [counter] = await t.handle.db
      .select()
      .from(schema.documentCounters)
      .where(sql`${schema.documentCounters.type} = 'rectification_order' and ${schema.documentCounters.year} = ${afterNumber?.year}`);
    expect(counter?.lastSequence).toBe(Math.max(...rows.map((r) => Number(r.sequence))));

    const afterText = await download(after.enterprise.principal.session, after.doc.id);
    const lines = afterText.split('\n');
    expect(lines[0]).toBe(name);
    expect(lines).toContain(after.doc.number);
    expect(afterText).toContain('长治市上党区人民政府（测试）');
    expect(afterText).toContain('长治市上党区人民法院（测试）');
    expect(afterText).toContain(`${name}（印章）`);
    expect(afterText).not.toContain(`${original.issuer.name}（印章）`);

    // The document issued before keeps its wording and number.
    const [stored] = await t.handle.db.select().from(schema.enforcementDocuments).where(eq(schema.enforcementDocuments.id, before.doc.id));
    expect(stored?.number).toBe(before.doc.number);
    expect(await download(lead.session, before.doc.id)).toBe(beforeText);
    expect(beforeText).toContain(before.doc.number);
    expect(beforeText).not.toContain(name);
  });
});
