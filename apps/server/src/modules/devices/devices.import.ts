import {
  COLLECTOR_TYPE_LABELS,
  type CollectorType,
  createDeviceBody,
  DEVICE_FIELD_LABELS,
  DEVICE_PROFILES,
  type DeviceImportReport,
  type DeviceImportRow,
  type ProfileCode,
  SIGNAL_CODES,
  SIGNALS,
} from '@zhiben/contracts';
import { schema } from '@zhiben/db';
import { cleanText, parseEnumCell, parseIntCell } from '@zhiben/domain';
import { eq, inArray } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { hashDeviceSecret, newDeviceSecret } from './device-secrets.js';
import { auditViewOfDevice } from './devices.mapper.js';
import { type DeviceRow, devicesByCodes } from './devices.repository.js';
import { optionalPart, planSignals, systemIdFor } from './devices.rules.js';
import { type Cell, DEVICE_COLUMNS, EXAMPLE_ROW_MARK, normalizeHeader, readDeviceSheet, type SheetRow } from './devices.workbook.js';

/** The fields one sheet row sets. */
interface RowValues {
  enterpriseId: string;
  regionPath: string;
  creditCode: string;
  code: string;
  name: string;
  collectorType: CollectorType;
  profile: ProfileCode;
  systemName: string | null;
  location: string | null;
  reportingIntervalS: number;
  signals: string[];
}

interface PlannedRow {
  result: DeviceImportRow;
  values?: RowValues;
  existing?: DeviceRow;
}

const text = (cell: Cell | undefined): string =>
  cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : cleanText(String(cell));
const cellOf = (row: SheetRow, header: string) => row.cells.get(normalizeHeader(header)) ?? null;

/** 干式 / 湿式 / 其他 are accepted besides the full labels. */
const SHORT_TYPES: Record<string, CollectorType> = { 干式: 'dry', 湿式: 'wet', 其他: 'other' };

const SIGNAL_BY_LABEL = new Map<string, string>(
  SIGNAL_CODES.flatMap((code) => [[SIGNALS[code].label, code] as const, [code, code] as const]),
);

/** The template's example row (its first cell says so): never imported. */
const isExampleRow = (row: SheetRow) => text(cellOf(row, '统一社会信用代码')).startsWith(EXAMPLE_ROW_MARK.slice(0, 2));

/** Every problem of one row (column, reason) and, when there is none, its values (before enterprise checks). */
function readRow(row: SheetRow) {
  const errors: DeviceImportRow['errors'] = [];
  const creditCode = text(cellOf(row, '统一社会信用代码')).replace(/\s/g, '').toUpperCase();
  const code = text(cellOf(row, '设备编号')).replace(/\s/g, '');
  const name = text(cellOf(row, '设备名称'));
  const typeText = text(cellOf(row, '除尘器类型'));
  let collectorType: CollectorType | undefined = SHORT_TYPES[typeText];
  if (!collectorType) {
    if (!typeText) errors.push({ column: '除尘器类型', reason: '除尘器类型不能为空' });
    else {
      const parsed = parseEnumCell(typeText, COLLECTOR_TYPE_LABELS);
      if (parsed.ok) collectorType = parsed.value;
      else errors.push({ column: '除尘器类型', reason: parsed.reason });
    }
  }
  let reportingIntervalS: number | undefined;
  const intervalCell = cellOf(row, '上报间隔（秒）');
  if (text(intervalCell) !== '') {
    const parsed = parseIntCell(intervalCell);
    if (parsed.ok) reportingIntervalS = parsed.value;
    else errors.push({ column: '上报间隔（秒）', reason: parsed.reason });
  }
  const optionalSignals: string[] = [];
  for (const part of text(cellOf(row, '可选监测项'))
    .split(/[、,，;；\s]+/)
    .filter(Boolean)) {
    const signal = SIGNAL_BY_LABEL.get(part);
    if (signal) optionalSignals.push(signal);
    else errors.push({ column: '可选监测项', reason: `「${part}」不是可识别的监测项` });
  }
  const body = {
    code,
    name,
    collectorType,
    systemName: text(cellOf(row, '所属除尘系统')) || null,
    location: text(cellOf(row, '安装位置')) || null,
    ...(reportingIntervalS === undefined ? {} : { reportingIntervalS }),
    optionalSignals,
  };
  return { creditCode, body, errors };
}

const columnOf = (field: PropertyKey | undefined) => DEVICE_FIELD_LABELS[String(field ?? '')] ?? String(field ?? '');

/** Plans the import of a workbook: what each row would create or update, and every error. Writes nothing. */
async function plan(ctx: ServiceContext, file: Buffer): Promise<{ rows: PlannedRow[]; ignoredColumns: string[] }> {
  const read = await readDeviceSheet(file);
  if (!read.ok) throw new AppError('VALIDATION_FAILED', read.message, { issues: [{ path: ['file'], message: read.message }] });
  const known = new Set(DEVICE_COLUMNS.map((c) => normalizeHeader(c.header)));
  const ignoredColumns = read.headers.filter((h) => !known.has(h));
  const scope = ctx.principal.scope;

  const parsed = read.rows.filter((row) => !isExampleRow(row)).map((row) => ({ row, ...readRow(row) }));
  const codes = [...new Set(parsed.map((p) => p.creditCode).filter(Boolean))];
  const { enterprises } = schema;
  const found = codes.length
    ? await ctx.db
        .select({ id: enterprises.id, creditCode: enterprises.creditCode, regionPath: enterprises.regionPath })
        .from(enterprises)
        .where(inArray(enterprises.creditCode, codes))
    : [];
  const byCredit = new Map(found.map((e) => [e.creditCode, e]));
  let own: { id: string; creditCode: string; regionPath: string } | undefined;
  if (scope.kind === 'enterprise') {
    [own] = await ctx.db
      .select({ id: enterprises.id, creditCode: enterprises.creditCode, regionPath: enterprises.regionPath })
      .from(enterprises)
      .where(eq(enterprises.id, scope.enterpriseId));
  }
  const visible = (e: { id: string; regionPath: string }) =>
    scope.kind === 'all' ||
    (scope.kind === 'region' && e.regionPath.startsWith(scope.regionPath)) ||
    (scope.kind === 'enterprise' && e.id === scope.enterpriseId);
  const existing = await devicesByCodes(ctx.db, [...new Set([...found.map((e) => e.id), ...(own ? [own.id] : [])])]);
  const seen = new Map<string, number>();

  const rows = parsed.map(({ row, creditCode, body, errors }): PlannedRow => {
    const result: DeviceImportRow = {
      row: row.rowNumber,
      action: 'error',
      creditCode: creditCode || null,
      code: body.code || null,
      name: body.name || null,
      changes: [],
      errors,
    };
    // The enterprise: the named one if the importer may see it; an enterprise user's own when the cell is empty.
    const enterprise = creditCode ? byCredit.get(creditCode) : own;
    if (!enterprise || !visible(enterprise)) {
      const reason = creditCode ? '未找到该统一社会信用代码的企业，或无权为其登记设备' : '请填写设备所属企业的统一社会信用代码';
      result.errors = [...errors, { column: '统一社会信用代码', reason }];
      return { result };
    }
    result.creditCode = enterprise.creditCode;
    if (errors.length > 0) return { result };
    const checked = createDeviceBody.safeParse(body);
    if (!checked.success) {
      result.errors = checked.error.issues.map((i) => ({ column: columnOf(i.path[0]), reason: i.message }));
      return { result };
    }
    const input = checked.data;
    const signals = planSignals(input.collectorType, input.optionalSignals);
    if (!signals.ok) {
      result.errors = [{ column: '可选监测项', reason: signals.message }];
      return { result };
    }
    const key = `${enterprise.id}/${input.code}`;
    const earlier = seen.get(key);
    if (earlier) {
      result.errors = [{ column: '设备编号', reason: `与第 ${earlier} 行重复` }];
      return { result };
    }
    seen.set(key, row.rowNumber);
    const current = existing.get(key);
    const values: RowValues = {
      enterpriseId: enterprise.id,
      regionPath: enterprise.regionPath,
      creditCode: enterprise.creditCode,
      code: input.code,
      name: input.name,
      collectorType: input.collectorType,
      profile: signals.profile,
      systemName: input.systemName ?? null,
      location: input.location ?? null,
      reportingIntervalS:
        input.reportingIntervalS ?? current?.device.reportingIntervalS ?? DEVICE_PROFILES[signals.profile].reportingIntervalS,
      signals: signals.signals,
    };
    if (!current) {
      result.action = 'create';
      return { result, values };
    }
    const before = {
      name: current.device.name,
      collectorType: current.device.collectorType,
      systemName: current.systemName,
      location: current.device.location,
      reportingIntervalS: current.device.reportingIntervalS,
      optionalSignals: optionalPart(current.device.profile as ProfileCode, current.device.signals).sort(),
    };
    const after = {
      name: values.name,
      collectorType: values.collectorType,
      systemName: values.systemName,
      location: values.location,
      reportingIntervalS: values.reportingIntervalS,
      optionalSignals: optionalPart(values.profile, values.signals).sort(),
    };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
    result.action = changed.length === 0 ? 'unchanged' : 'update';
    result.changes = changed.map((k) => DEVICE_FIELD_LABELS[k] ?? k);
    return { result, values, existing: current };
  });
  return { rows, ignoredColumns };
}

function report(rows: PlannedRow[], ignoredColumns: string[], committed: boolean): DeviceImportReport {
  const summary = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) summary[r.result.action]++;
  return { committed, total: rows.length, summary, rows: rows.map((r) => r.result), ignoredColumns };
}

export async function previewImport(ctx: ServiceContext, file: Buffer): Promise<DeviceImportReport> {
  const { rows, ignoredColumns } = await plan(ctx, file);
  return report(rows, ignoredColumns, false);
}

/**
 * Re-plans the file and writes every row without errors (creates with fresh secrets, updates) in ONE transaction
 * with one audit row. The secrets of created devices are in the answer, this once; only their hashes are stored.
 */
export async function commitImport(ctx: ServiceContext, file: Buffer): Promise<{ report: DeviceImportReport; changedIds: string[] }> {
  const { rows, ignoredColumns } = await plan(ctx, file);
  const creates = rows.filter((r) => r.result.action === 'create' && r.values);
  const updates = rows.filter((r) => r.result.action === 'update' && r.values && r.existing);
  if (creates.length + updates.length === 0) return { report: report(rows, ignoredColumns, false), changedIds: [] };
  const changedIds = await mutateAs(ctx, async (tx) => {
    const touched: Record<string, unknown> = {};
    const ids: string[] = [];
    const systems = new Map<string, string | null>();
    const systemOf = async (enterpriseId: string, name: string | null) => {
      const key = `${enterpriseId}/${name ?? ''}`;
      if (!systems.has(key)) systems.set(key, await systemIdFor(tx, enterpriseId, name));
      return systems.get(key) ?? null;
    };
    for (const r of creates) {
      const v = r.values as RowValues;
      const secret = newDeviceSecret();
      const values = {
        enterpriseId: v.enterpriseId,
        regionPath: v.regionPath,
        systemId: await systemOf(v.enterpriseId, v.systemName),
        code: v.code,
        name: v.name,
        collectorType: v.collectorType,
        profile: v.profile,
        location: v.location,
        reportingIntervalS: v.reportingIntervalS,
        status: 'active',
        signals: v.signals,
        secretHash: hashDeviceSecret(secret),
        secretRotatedAt: ctx.clock(),
      };
      const [row] = await tx.insert(schema.devices).values(values).returning({ id: schema.devices.id });
      if (!row) throw new AppError('INTERNAL');
      r.result.secret = secret;
      r.result.deviceId = row.id;
      touched[row.id] = { before: null, after: auditViewOfDevice(values) };
      ids.push(row.id);
    }
    for (const r of updates) {
      const v = r.values as RowValues;
      const current = (r.existing as DeviceRow).device;
      const next = {
        name: v.name,
        collectorType: v.collectorType,
        profile: v.profile,
        location: v.location,
        reportingIntervalS: v.reportingIntervalS,
        signals: v.signals,
        systemId: await systemOf(v.enterpriseId, v.systemName),
      };
      await tx.update(schema.devices).set(next).where(eq(schema.devices.id, current.id));
      r.result.deviceId = current.id;
      touched[current.id] = { before: auditViewOfDevice({ ...current }), after: next };
      ids.push(current.id);
    }
    return {
      result: ids,
      audit: {
        action: 'devices.imported',
        entityType: 'device_import',
        entityId: null,
        enterpriseId: ctx.principal.scope.kind === 'enterprise' ? ctx.principal.scope.enterpriseId : null,
        after: { created: creates.length, updated: updates.length, touched },
      },
    };
  });
  return { report: report(rows, ignoredColumns, true), changedIds };
}
