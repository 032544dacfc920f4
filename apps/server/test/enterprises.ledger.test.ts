import { schema } from '@zhiben/db';
import { eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, auditRowsOf, buildTestApp, createUser, login, newCreditCode, type Session, type TestApp, uniq } from './harness.js';
import { type FixtureRow, fullWidth, ledgerFile, multipart } from './ledger-fixtures.js';

let t: TestApp;
let officer: Session;
beforeAll(async () => {
  t = await buildTestApp();
  officer = await login(t.app, (await createUser(t.handle, 'bureau_officer')).username);
});
afterAll(async () => t?.close());

function upload(session: Session, url: string, file: Buffer) {
  const { payload, headers } = multipart(file);
  return t.app.inject({ method: 'POST', url, payload, headers: { ...headers, cookie: session.cookie, 'x-csrf-token': session.csrfToken } });
}

function row(overrides: FixtureRow = {}): FixtureRow {
  return {
    企业名称: uniq('长治市上党区导入测试有限公司'),
    统一社会信用代码: newCreditCode(),
    国民经济行业代码: '2021',
    '所属乡镇（街道、园区）': '苏店镇',
    详细地址: '苏店镇北街 1 号  ',
    企业规模: '规模以下',
    从业人数: 50,
    涉粉作业人数: 20,
    主要负责人: '李四',
    主要负责人电话: '13800000000',
    生产状态: '在产',
    标准化等级: '三级',
    标准化有效期至: '2027-12-31',
    国有企业: '否',
    '粉尘涉爆（类别）': '木粉尘',
    有限空间作业: '是',
    ...overrides,
  };
}

describe('enterprise ledger import/export', () => {
  it('serves an import template with Chinese headers and drop-downs', async () => {
    const res = await as(t.app, officer).get('/api/v1/enterprises/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('企业台账');
    if (!sheet) throw new Error('sheet 企业台账 missing');
    const headers = (sheet.getRow(2).values as unknown[]).filter(Boolean).map(String);
    expect(headers).toEqual(
      expect.arrayContaining(['*企业名称', '*统一社会信用代码', '*所属乡镇（街道、园区）', '粉尘涉爆（类别）', '监管行业']),
    );
    const regionCol = headers.indexOf('*所属乡镇（街道、园区）') + 1;
    expect(sheet.getCell(3, regionCol).dataValidation).toMatchObject({ type: 'list' });
    const lists = workbook.getWorksheet('选项');
    const values = lists?.getColumn(1).values?.filter(Boolean) ?? [];
    expect(values.length).toBeGreaterThan(0);
  });

  it('previews exactly the bad rows of a realistic file, then commits the rest in one transaction', async () => {
    const good1 = row({ 统一社会信用代码: fullWidth(newCreditCode()), 从业人数: fullWidth('120'), 涉粉作业人数: '３５' });
    const good2 = row({ 标准化有效期至: 46387 }); // Excel serial for 2026-12-31
    const good3 = row({ '粉尘涉爆（类别）': '否', 涉粉作业人数: 0, 国民经济行业代码: 'C3391', 标准化等级: '未定级', 标准化有效期至: null });
    const badCode = row({ 统一社会信用代码: '91140404MA00O0000X' }); // letter O is not in the GB 32100 alphabet
    const badRegion = row({ '所属乡镇（街道、园区）': '火星镇' });
    const badNumber = row({ 从业人数: '很多' });
    const file = await ledgerFile([good1, badCode, good2, badRegion, good3, badNumber], { titleRows: 2 });

    const preview = await upload(officer, '/api/v1/enterprises/import/preview', file);
    expect(preview.statusCode, preview.body).toBe(200);
    const report = preview.json();
    expect(report.committed).toBe(false);
    expect(report.summary).toEqual({ create: 3, update: 0, unchanged: 0, error: 3 });
    const errors = report.rows.filter((r: { action: string }) => r.action === 'error');
    // rows are Excel row numbers: 2 title rows + header = data starts at row 4
    expect(errors.map((r: { row: number; errors: { column: string }[] }) => [r.row, r.errors.map((e) => e.column)])).toEqual([
      [5, ['统一社会信用代码']],
      [7, ['所属乡镇（街道、园区）']],
      [9, ['从业人数']],
    ]);
    expect(errors[0].errors[0].reason).toContain('第 13 位');
    // nothing written by the preview
    const codes = [good1, good2, good3].map((r) =>
      String(r.统一社会信用代码).replace(/[０-９Ａ-Ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)),
    );
    const before = await t.handle.db.select().from(schema.enterprises).where(inArray(schema.enterprises.creditCode, codes));
    expect(before).toHaveLength(0);

    const commit = await upload(officer, '/api/v1/enterprises/import/commit', file);
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json()).toMatchObject({ committed: true, summary: { create: 3, error: 3 } });
    expect(await auditRowsOf(t.handle, commit.headers['x-request-id'])).toHaveLength(1);
    const written = await t.handle.db.select().from(schema.enterprises).where(inArray(schema.enterprises.creditCode, codes));
    expect(written).toHaveLength(3);
    const first = written.find((e) => e.creditCode === codes[0]);
    expect(first).toMatchObject({
      employees: 120,
      dustWorkers: 35,
      address: '苏店镇北街 1 号',
      riskTags: ['dust_explosion', 'dust_wood', 'confined_space'],
    });
    expect(written.find((e) => e.creditCode === codes[1])?.standardizationExpiry).toBe('2026-12-31');

    // the import shows in each touched enterprise's history
    const history = (await as(t.app, officer).get(`/api/v1/enterprises/${first?.id}/history`)).json().items;
    expect(history[0].action).toBe('enterprises.imported');
  });

  it('updates instead of duplicating when a credit code already exists', async () => {
    const original = row();
    await upload(officer, '/api/v1/enterprises/import/commit', await ledgerFile([original]));
    const changed = { ...original, 从业人数: 77 };
    const preview = (await upload(officer, '/api/v1/enterprises/import/preview', await ledgerFile([changed]))).json();
    expect(preview.rows[0]).toMatchObject({ action: 'update', changes: ['从业人数'] });
    await upload(officer, '/api/v1/enterprises/import/commit', await ledgerFile([changed]));
    const rows = await t.handle.db
      .select()
      .from(schema.enterprises)
      .where(eq(schema.enterprises.creditCode, String(original.统一社会信用代码)));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.employees).toBe(77);
  });

  it('leaves the database unchanged when the commit fails midway', async () => {
    const poison = uniq('回滚触发');
    // A trigger that fails on one specific row: the rows before it are already inserted in the transaction.
    await t.handle.db.execute(
      sql.raw(`create or replace function zb_test_poison() returns trigger as $$ begin
        if new.name = '${poison}' then raise exception 'poisoned row'; end if; return new; end $$ language plpgsql`),
    );
    await t.handle.db.execute(sql.raw('drop trigger if exists zb_test_poison on enterprises'));
    await t.handle.db.execute(
      sql.raw('create trigger zb_test_poison before insert or update on enterprises for each row execute function zb_test_poison()'),
    );
    try {
      const existing = row();
      await upload(officer, '/api/v1/enterprises/import/commit', await ledgerFile([existing]));
      const rows = [row(), row(), { ...existing, 从业人数: 99 }, row({ 企业名称: poison })];
      const res = await upload(officer, '/api/v1/enterprises/import/commit', await ledgerFile(rows));
      expect(res.statusCode).toBe(500);
      expect(await auditRowsOf(t.handle, res.headers['x-request-id'])).toHaveLength(0);
      const codes = rows.map((r) => String(r.统一社会信用代码));
      const after = await t.handle.db.select().from(schema.enterprises).where(inArray(schema.enterprises.creditCode, codes));
      expect(after.map((e) => e.creditCode)).toEqual([existing.统一社会信用代码]);
      expect(after[0]?.employees).toBe(50);
    } finally {
      await t.handle.db.execute(sql.raw('drop trigger if exists zb_test_poison on enterprises'));
    }
  });

  it('round-trips: an exported list re-imports as a no-op', async () => {
    const marker = uniq('往返');
    await upload(
      officer,
      '/api/v1/enterprises/import/commit',
      await ledgerFile([row({ 企业名称: `${marker}甲` }), row({ 企业名称: `${marker}乙`, 国有企业: '是' })]),
    );
    const exported = await as(t.app, officer).get(`/api/v1/enterprises/export?q=${encodeURIComponent(marker)}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain("filename*=UTF-8''");
    const file = exported.rawPayload;
    const preview = (await upload(officer, '/api/v1/enterprises/import/preview', file)).json();
    expect(preview.summary).toEqual({ create: 0, update: 0, unchanged: 2, error: 0 });
    const commit = await upload(officer, '/api/v1/enterprises/import/commit', file);
    expect(commit.json().committed).toBe(false);
    expect(await auditRowsOf(t.handle, commit.headers['x-request-id'])).toHaveLength(0);
  });

  it('rejects a file that is not an .xlsx whatever its name, and a sheet without headers', async () => {
    const fake = await upload(officer, '/api/v1/enterprises/import/preview', Buffer.from('name,code\n甲,1\n'));
    expect(fake.statusCode).toBe(400);
    expect(fake.json().message).toContain('.xlsx');
    const noHeader = await upload(officer, '/api/v1/enterprises/import/preview', await ledgerFile([{ 甲: 1, 乙: 2 }]));
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().message).toContain('表头');
  });

  it('forbids importing to roles without enterprises.import', async () => {
    const leader = await login(t.app, (await createUser(t.handle, 'bureau_leader')).username);
    expect((await upload(leader, '/api/v1/enterprises/import/preview', await ledgerFile([row()]))).statusCode).toBe(403);
  });
});
