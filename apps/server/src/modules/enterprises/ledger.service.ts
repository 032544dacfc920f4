import {
  type CreateEnterpriseBody,
  createEnterpriseBody,
  ENTERPRISE_FIELD_LABELS,
  type EnterpriseListQuery,
  type ImportReport,
  type ImportRowResult,
} from '@zhiben/contracts';
import { schema } from '@zhiben/db';
import { eq } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { can } from '../../platform/principal.js';
import { auditViewOfEnterprise, toEnterpriseDto } from './enterprises.mapper.js';
import { enterprisesByCreditCode, listEnterprises } from './enterprises.repository.js';
import { changedFields, type EnterpriseValues, loadCatalogs, prepareEnterprise, type RegistryCatalogs } from './enterprises.rules.js';
import { bodyOf } from './enterprises.service.js';
import { type LedgerColumn, ledgerColumns, normalizeHeader } from './ledger.columns.js';
import { readLedger, type SheetRow, writeLedger } from './ledger.workbook.js';

const stamp = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export async function template(ctx: ServiceContext): Promise<Buffer> {
  const catalogs = await loadCatalogs(ctx.db);
  const columns = ledgerColumns(catalogs);
  return writeLedger(columns, [], { title: '工贸企业台账导入模板（带 * 为必填；第 2 行为表头，请从第 3 行起填写）', template: true });
}

export async function exportLedger(ctx: ServiceContext, query: EnterpriseListQuery): Promise<{ buffer: Buffer; count: number }> {
  const catalogs = await loadCatalogs(ctx.db);
  const columns = ledgerColumns(catalogs);
  const { rows } = await listEnterprises(ctx.db, ctx.principal.scope, query, { unpaged: true });
  const data = rows.map((row) => {
    const dto = toEnterpriseDto(row, ctx.principal);
    return columns.map((c) => c.write(dto, catalogs));
  });
  const buffer = await writeLedger(columns, data, { title: `上党区工贸企业台账（共 ${rows.length} 家，导出于 ${stamp(ctx.clock())}）` });
  return { buffer, count: rows.length };
}

interface PlannedRow {
  result: ImportRowResult;
  values?: EnterpriseValues;
  existingId?: string;
  before?: EnterpriseValues;
}

/** Reads one sheet row into a record body, collecting every cell problem (row, column, reason). */
function readRow(row: SheetRow, columns: LedgerColumn[], catalogs: RegistryCatalogs) {
  const errors: ImportRowResult['errors'] = [];
  const body: Record<string, unknown> = { riskTags: [] as string[] };
  let sector: unknown = null;
  for (const column of columns) {
    const parsed = column.read(row.cells.get(normalizeHeader(column.header)) ?? null, catalogs);
    if (!parsed.ok) {
      errors.push({ column: column.header, reason: parsed.reason });
      continue;
    }
    if (column.field === 'tag') (body.riskTags as string[]).push(...(parsed.value as string[]));
    else if (column.field === 'sector') sector = parsed.value;
    else body[column.field] = parsed.value;
  }
  return { body, sector, errors };
}

const headerOf = (field: string | number | undefined, columns: LedgerColumn[]) => {
  const key = String(field ?? '');
  if (key === 'riskTags') return '风险标签';
  if (key === 'sectorOverride') return '监管行业';
  return columns.find((c) => c.field === key)?.header ?? ENTERPRISE_FIELD_LABELS[key] ?? key;
};

/** Plans the import of a workbook: what each row would create or update, and every error. Writes nothing. */
async function plan(ctx: ServiceContext, file: Buffer): Promise<{ rows: PlannedRow[]; ignoredColumns: string[] }> {
  const catalogs = await loadCatalogs(ctx.db);
  const columns = ledgerColumns(catalogs);
  const read = await readLedger(
    file,
    columns.map((c) => c.header),
  );
  if (!read.ok) throw new AppError('VALIDATION_FAILED', read.message, { issues: [{ path: ['file'], message: read.message }] });
  const knownHeaders = new Set(columns.map((c) => normalizeHeader(c.header)));
  const ignoredColumns = read.headers.filter((h) => !knownHeaders.has(h));
  const missing = columns.filter((c) => c.required && !read.headers.includes(normalizeHeader(c.header))).map((c) => c.header);
  if (missing.length > 0) {
    const message = `缺少必填列：${missing.join('、')}`;
    throw new AppError('VALIDATION_FAILED', message, { issues: [{ path: ['file'], message }] });
  }

  const parsedRows = read.rows.map((row) => ({ row, ...readRow(row, columns, catalogs) }));
  const existing = await enterprisesByCreditCode(
    ctx.db,
    parsedRows.map((r) => String(r.body.creditCode ?? '').toUpperCase()),
  );
  const seen = new Map<string, number>();
  const mayOverride = can(ctx.principal, 'enterprises.update_bureau_fields');

  const planned = parsedRows.map(({ row, body, sector, errors }): PlannedRow => {
    const result: ImportRowResult = {
      row: row.rowNumber,
      action: 'error',
      name: (body.name as string | null) ?? null,
      creditCode: (body.creditCode as string | null) ?? null,
      changes: [],
      errors,
    };
    if (errors.length > 0) return { result };
    const checked = createEnterpriseBody.safeParse({ ...body, sectorOverride: sector ?? null });
    if (!checked.success) {
      result.errors = checked.error.issues.map((i) => ({ column: headerOf(i.path[0] as string, columns), reason: i.message }));
      return { result };
    }
    const input: CreateEnterpriseBody = checked.data;
    const prepared = prepareEnterprise(input, catalogs);
    if (!prepared.ok) {
      result.errors = prepared.issues.map((i) => ({ column: headerOf(i.path[1], columns), reason: i.message }));
      return { result };
    }
    const values = prepared.values;
    result.creditCode = values.creditCode;
    const earlier = seen.get(values.creditCode);
    if (earlier) {
      result.errors = [{ column: '统一社会信用代码', reason: `与第 ${earlier} 行重复` }];
      return { result };
    }
    seen.set(values.creditCode, row.rowNumber);
    if (values.sectorOverride && !mayOverride) {
      result.errors = [{ column: '监管行业', reason: '无权指定监管行业，请清空此列或与行业代码一致' }];
      return { result };
    }
    const current = existing.get(values.creditCode);
    if (!current) {
      result.action = 'create';
      return { result, values };
    }
    // An enterprise outside the importer's scope is reported as not found, like every other read.
    const scope = ctx.principal.scope;
    if ((scope.kind === 'region' && !current.regionPath.startsWith(scope.regionPath)) || scope.kind === 'enterprise') {
      result.errors = [{ column: '统一社会信用代码', reason: '该企业已由其他辖区登记，无权更新' }];
      return { result };
    }
    const before = prepareEnterprise(bodyOf(current), catalogs);
    const changed = before.ok ? changedFields(before.values, values) : Object.keys(values);
    result.action = changed.length === 0 ? 'unchanged' : 'update';
    result.changes = changed.map((f) => ENTERPRISE_FIELD_LABELS[f] ?? f);
    return { result, values, existingId: current.id, ...(before.ok ? { before: before.values } : {}) };
  });
  return { rows: planned, ignoredColumns };
}

function report(rows: PlannedRow[], ignoredColumns: string[], committed: boolean): ImportReport {
  const summary = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) summary[r.result.action]++;
  return { committed, total: rows.length, summary, rows: rows.map((r) => r.result), ignoredColumns };
}

export async function previewImport(ctx: ServiceContext, file: Buffer): Promise<ImportReport> {
  const { rows, ignoredColumns } = await plan(ctx, file);
  return report(rows, ignoredColumns, false);
}

const INSERT_CHUNK = 500;

/**
 * Re-plans the uploaded file and writes every accepted row (creates and updates; rows with errors are skipped)
 * in ONE transaction with one audit row listing what changed per enterprise. Any failure rolls back all of it.
 */
export async function commitImport(ctx: ServiceContext, file: Buffer): Promise<ImportReport> {
  const { rows, ignoredColumns } = await plan(ctx, file);
  const creates = rows.filter((r) => r.result.action === 'create' && r.values);
  const updates = rows.filter((r) => r.result.action === 'update' && r.values && r.existingId);
  if (creates.length + updates.length === 0) return report(rows, ignoredColumns, false);

  await mutateAs(ctx, async (tx) => {
    const touched: Record<string, { before: Record<string, unknown> | null; after: Record<string, unknown> }> = {};
    for (let i = 0; i < creates.length; i += INSERT_CHUNK) {
      const chunk = creates.slice(i, i + INSERT_CHUNK);
      const inserted = await tx
        .insert(schema.enterprises)
        .values(chunk.map((r) => r.values as EnterpriseValues))
        .returning({ id: schema.enterprises.id, creditCode: schema.enterprises.creditCode });
      const byCode = new Map(chunk.map((r) => [r.values?.creditCode, r.values]));
      for (const row of inserted) touched[row.id] = { before: null, after: auditViewOfEnterprise(byCode.get(row.creditCode) ?? {}) };
    }
    for (const r of updates) {
      const values = r.values as EnterpriseValues;
      const id = r.existingId as string;
      await tx.update(schema.enterprises).set(values).where(eq(schema.enterprises.id, id));
      const changed = r.before ? changedFields(r.before, values) : Object.keys(values);
      const pick = (source: object | undefined) =>
        Object.fromEntries(changed.map((k) => [k, (source as Record<string, unknown> | undefined)?.[k] ?? null]));
      touched[id] = { before: pick(r.before), after: pick(values) };
    }
    return {
      result: undefined,
      audit: {
        action: 'enterprises.imported',
        entityType: 'enterprise_import',
        entityId: null,
        after: { created: creates.length, updated: updates.length, touched },
      },
    };
  });
  return report(rows, ignoredColumns, true);
}
