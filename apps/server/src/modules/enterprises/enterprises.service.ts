import {
  BUREAU_ONLY_ENTERPRISE_FIELDS,
  type CreateEnterpriseBody,
  ENTERPRISE_FIELD_LABELS,
  type EnterpriseDto,
  type EnterpriseHistoryItem,
  type EnterpriseListQuery,
  type ListResult,
  type UpdateEnterpriseBody,
} from '@zhiben/contracts';
import { schema } from '@zhiben/db';
import { eq } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { can } from '../../platform/principal.js';
import { enterpriseHistory } from './enterprises.history.js';
import { auditViewOfEnterprise, toEnterpriseDto } from './enterprises.mapper.js';
import { type EnterpriseRow, findEnterprise, listEnterprises } from './enterprises.repository.js';
import { changedFields, loadCatalogs, prepareEnterprise } from './enterprises.rules.js';

export async function list(ctx: ServiceContext, query: EnterpriseListQuery): Promise<ListResult<EnterpriseDto>> {
  const { rows, total } = await listEnterprises(ctx.db, ctx.principal.scope, query);
  return { items: rows.map((r) => toEnterpriseDto(r, ctx.principal)), total };
}

export async function get(ctx: ServiceContext, id: string): Promise<EnterpriseDto> {
  const row = await findEnterprise(ctx.db, ctx.principal.scope, id);
  if (!row) throw notFound();
  return toEnterpriseDto(row, ctx.principal);
}

/** The editable form of a stored record (what a PATCH is merged onto). */
export function bodyOf(row: EnterpriseRow): CreateEnterpriseBody {
  return {
    name: row.name,
    creditCode: row.creditCode,
    industryCode: row.industryCode,
    regionId: row.regionId,
    address: row.address,
    scale: row.scale as CreateEnterpriseBody['scale'],
    employees: row.employees,
    dustWorkers: row.dustWorkers,
    principalName: row.principalName,
    principalPhone: row.principalPhone,
    safetyManagerName: row.safetyManagerName,
    safetyManagerPhone: row.safetyManagerPhone,
    status: row.status as CreateEnterpriseBody['status'],
    standardizationLevel: row.standardizationLevel as CreateEnterpriseBody['standardizationLevel'],
    standardizationExpiry: row.standardizationExpiry,
    stateOwned: row.stateOwned,
    labourIntensive: row.labourIntensive,
    factoryInFactory: row.factoryInFactory,
    longitude: row.longitude,
    latitude: row.latitude,
    riskTags: row.riskTags,
    sectorOverride: row.sectorOverride as CreateEnterpriseBody['sectorOverride'],
    sectorOverrideReason: row.sectorOverrideReason,
  };
}

export async function create(ctx: ServiceContext, body: CreateEnterpriseBody): Promise<EnterpriseDto> {
  if (ctx.principal.scope.kind === 'enterprise') throw new AppError('FORBIDDEN');
  if ((body.sectorOverride ?? null) !== null && !can(ctx.principal, 'enterprises.update_bureau_fields')) {
    throw new AppError('FORBIDDEN', '无权指定监管行业');
  }
  const catalogs = await loadCatalogs(ctx.db);
  const prepared = prepareEnterprise(body, catalogs);
  if (!prepared.ok) throw new AppError('VALIDATION_FAILED', prepared.issues[0]?.message, { issues: prepared.issues });
  const region = catalogs.regions.get(body.regionId);
  if (ctx.principal.scope.kind === 'region' && !region?.path.startsWith(ctx.principal.scope.regionPath)) {
    throw new AppError('FORBIDDEN', '只能登记本辖区的企业');
  }
  const id = await mutateAs(ctx, async (tx) => {
    const [row] = await tx.insert(schema.enterprises).values(prepared.values).returning({ id: schema.enterprises.id });
    if (!row) throw new AppError('INTERNAL');
    return {
      result: row.id,
      audit: {
        action: 'enterprises.created',
        entityType: 'enterprise',
        entityId: row.id,
        enterpriseId: row.id,
        regionPath: prepared.values.regionPath,
        after: auditViewOfEnterprise(prepared.values),
      },
    };
  });
  return get(ctx, id);
}

/** Fields this principal may not change: enterprise users keep off the bureau's fields; others need the permission for the override. */
function lockedFields(ctx: ServiceContext): readonly string[] {
  if (ctx.principal.scope.kind === 'enterprise') return BUREAU_ONLY_ENTERPRISE_FIELDS;
  return can(ctx.principal, 'enterprises.update_bureau_fields') ? [] : ['sectorOverride', 'sectorOverrideReason'];
}

export async function update(ctx: ServiceContext, id: string, body: UpdateEnterpriseBody): Promise<EnterpriseDto> {
  const catalogs = await loadCatalogs(ctx.db);
  await mutateAs(ctx, async (tx) => {
    const current = await findEnterprise(tx, ctx.principal.scope, id);
    if (!current) throw notFound();
    const before = bodyOf(current);
    const locked = lockedFields(ctx).filter((field) => {
      const value = body[field as keyof UpdateEnterpriseBody];
      return value !== undefined && JSON.stringify(value) !== JSON.stringify(before[field as keyof CreateEnterpriseBody] ?? null);
    });
    if (locked.length > 0) {
      throw new AppError('FORBIDDEN', `无权修改：${locked.map((f) => ENTERPRISE_FIELD_LABELS[f] ?? f).join('、')}（由区应急管理局维护）`);
    }
    const merged: CreateEnterpriseBody = { ...before, ...stripUndefined(body) };
    const prepared = prepareEnterprise(merged, catalogs);
    if (!prepared.ok) throw new AppError('VALIDATION_FAILED', prepared.issues[0]?.message, { issues: prepared.issues });
    if (ctx.principal.scope.kind === 'region' && !prepared.values.regionPath.startsWith(ctx.principal.scope.regionPath)) {
      throw new AppError('FORBIDDEN', '不能把企业移出本辖区');
    }
    const currentValues = prepareEnterprise(before, catalogs);
    const changed = currentValues.ok ? changedFields(currentValues.values, prepared.values) : Object.keys(prepared.values);
    await tx.update(schema.enterprises).set(prepared.values).where(eq(schema.enterprises.id, id));
    const pick = (source: object) => Object.fromEntries(changed.map((k) => [k, (source as Record<string, unknown>)[k] ?? null]));
    return {
      result: undefined,
      audit: {
        action: 'enterprises.updated',
        entityType: 'enterprise',
        entityId: id,
        enterpriseId: id,
        regionPath: prepared.values.regionPath,
        before: pick(auditViewOfEnterprise(current)),
        after: pick(prepared.values),
      },
    };
  });
  return get(ctx, id);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function history(ctx: ServiceContext, id: string): Promise<EnterpriseHistoryItem[]> {
  const row = await findEnterprise(ctx.db, ctx.principal.scope, id);
  if (!row) throw notFound();
  return enterpriseHistory(ctx.db, id);
}
