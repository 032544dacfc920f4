import type {
  CollectorType,
  CreateDeviceBody,
  DeviceDto,
  DeviceListQuery,
  DeviceWithSecret,
  ListResult,
  ProfileCode,
  UpdateDeviceBody,
} from '@zhiben/contracts';
import { DEVICE_PROFILES, PROFILE_OF_COLLECTOR } from '@zhiben/contracts';
import { type Executor, schema } from '@zhiben/db';
import { and, eq } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { enterpriseScope } from '../../platform/scope.js';
import { hashDeviceSecret, newDeviceSecret } from './device-secrets.js';
import { auditViewOfDevice, toDeviceDto } from './devices.mapper.js';
import { findDevice, findDeviceView, listDevices } from './devices.repository.js';
import { optionalPart, planSignals, systemIdFor } from './devices.rules.js';

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { issues: [{ path: ['body', path], message }] });

export async function list(ctx: ServiceContext, query: DeviceListQuery): Promise<ListResult<DeviceDto>> {
  const { rows, total } = await listDevices(ctx.db, ctx.principal.scope, query, ctx.clock());
  return { items: rows.map((r) => toDeviceDto(r, ctx.principal)), total };
}

export async function get(ctx: ServiceContext, id: string): Promise<DeviceDto> {
  const row = await findDeviceView(ctx.db, ctx.principal.scope, id, ctx.clock());
  if (!row) throw notFound();
  return toDeviceDto(row, ctx.principal);
}

export interface TargetEnterprise {
  id: string;
  regionPath: string;
  creditCode: string;
}

/**
 * The enterprise a new device belongs to: enterprise users always register for their own (naming another is a
 * 404, like reading it); bureau-side callers must name one within their scope.
 */
export async function targetEnterprise(db: Executor, ctx: ServiceContext, requested: string | undefined): Promise<TargetEnterprise> {
  const scope = ctx.principal.scope;
  let id = requested;
  if (scope.kind === 'enterprise') {
    if (requested && requested !== scope.enterpriseId) throw notFound();
    id = scope.enterpriseId;
  }
  if (!id) throw invalid('enterpriseId', '请选择设备所属企业');
  const { enterprises } = schema;
  const [row] = await db
    .select({ id: enterprises.id, regionPath: enterprises.regionPath, creditCode: enterprises.creditCode })
    .from(enterprises)
    .where(and(eq(enterprises.id, id), enterpriseScope(scope, { enterpriseId: enterprises.id, regionPath: enterprises.regionPath })));
  if (!row) throw notFound();
  return row;
}

export async function create(ctx: ServiceContext, body: CreateDeviceBody): Promise<DeviceWithSecret> {
  const plan = planSignals(body.collectorType, body.optionalSignals);
  if (!plan.ok) throw invalid('optionalSignals', plan.message);
  const secret = newDeviceSecret();
  const id = await mutateAs(ctx, async (tx) => {
    const enterprise = await targetEnterprise(tx, ctx, body.enterpriseId);
    const [taken] = await tx
      .select({ id: schema.devices.id })
      .from(schema.devices)
      .where(and(eq(schema.devices.enterpriseId, enterprise.id), eq(schema.devices.code, body.code)));
    if (taken) throw new AppError('CONFLICT', `本企业已有编号为 ${body.code} 的设备`);
    const values = {
      enterpriseId: enterprise.id,
      regionPath: enterprise.regionPath,
      systemId: await systemIdFor(tx, enterprise.id, body.systemName),
      code: body.code,
      name: body.name,
      collectorType: body.collectorType,
      profile: plan.profile,
      location: body.location ?? null,
      reportingIntervalS: body.reportingIntervalS ?? DEVICE_PROFILES[plan.profile].reportingIntervalS,
      status: 'active',
      signals: plan.signals,
      secretHash: hashDeviceSecret(secret),
      secretRotatedAt: ctx.clock(),
    };
    const [row] = await tx.insert(schema.devices).values(values).returning({ id: schema.devices.id });
    if (!row) throw new AppError('INTERNAL');
    return {
      result: row.id,
      audit: {
        action: 'devices.created',
        entityType: 'device',
        entityId: row.id,
        enterpriseId: enterprise.id,
        regionPath: enterprise.regionPath,
        after: auditViewOfDevice(values),
      },
    };
  });
  return { device: await get(ctx, id), secret };
}

export async function update(ctx: ServiceContext, id: string, body: UpdateDeviceBody): Promise<DeviceDto> {
  await mutateAs(ctx, async (tx) => {
    const current = await findDevice(tx, ctx.principal.scope, id);
    if (!current) throw notFound();
    const d = current.device;
    const collectorType = (body.collectorType ?? d.collectorType) as CollectorType;
    let optional = body.optionalSignals ?? optionalPart(d.profile as ProfileCode, d.signals);
    if (body.optionalSignals === undefined && collectorType !== d.collectorType) {
      // A type change keeps the optional signals the new profile also offers.
      const spec = DEVICE_PROFILES[PROFILE_OF_COLLECTOR[collectorType]];
      const offered = new Set<string>([...spec.mandatorySignals, ...spec.optionalSignals]);
      optional = optional.filter((s) => offered.has(s));
    }
    const plan = planSignals(collectorType, optional);
    if (!plan.ok) throw invalid('optionalSignals', plan.message);
    const next = {
      name: body.name ?? d.name,
      collectorType,
      profile: plan.profile,
      location: body.location === undefined ? d.location : body.location,
      reportingIntervalS: body.reportingIntervalS ?? d.reportingIntervalS,
      status: body.status ?? d.status,
      signals: plan.signals,
      systemId: body.systemName === undefined ? d.systemId : await systemIdFor(tx, d.enterpriseId, body.systemName),
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(d[k]));
    if (changed.length > 0) await tx.update(schema.devices).set(next).where(eq(schema.devices.id, id));
    const pick = (source: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, source[k] ?? null]));
    return {
      result: undefined,
      audit: {
        action: 'devices.updated',
        entityType: 'device',
        entityId: id,
        enterpriseId: d.enterpriseId,
        regionPath: d.regionPath,
        before: pick(d),
        after: pick(next),
      },
    };
  });
  return get(ctx, id);
}

/** A new secret replaces the old one at once; the old one stops working for MQTT and HTTP. */
export async function rotateSecret(ctx: ServiceContext, id: string): Promise<DeviceWithSecret> {
  const secret = newDeviceSecret();
  await mutateAs(ctx, async (tx) => {
    const current = await findDevice(tx, ctx.principal.scope, id);
    if (!current) throw notFound();
    const rotatedAt = ctx.clock();
    await tx
      .update(schema.devices)
      .set({ secretHash: hashDeviceSecret(secret), secretRotatedAt: rotatedAt })
      .where(eq(schema.devices.id, id));
    return {
      result: undefined,
      audit: {
        action: 'devices.secret_rotated',
        entityType: 'device',
        entityId: id,
        enterpriseId: current.device.enterpriseId,
        regionPath: current.device.regionPath,
        before: { secretRotatedAt: current.device.secretRotatedAt.toISOString() },
        after: { secretRotatedAt: rotatedAt.toISOString() },
      },
    };
  });
  return { device: await get(ctx, id), secret };
}
