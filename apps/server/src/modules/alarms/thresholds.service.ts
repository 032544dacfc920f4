import type { DeviceThresholdsDto, PutThresholdsBody, RuleOverride } from '@zhiben/contracts';
import { DEVICE_PROFILES } from '@zhiben/contracts';
import { type Executor, queryRows, schema, type Tx } from '@zhiben/db';
import { checkRuleOverride, decodeState, encodeState, retireRules } from '@zhiben/domain';
import { eq, sql } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { iso } from '../../platform/listing.js';
import { can } from '../../platform/principal.js';
import { type DeviceRow, findDevice } from '../devices/devices.repository.js';
import { applyAlarmEvents, newStateVersion } from './alarms.apply.js';
import { recordArticle14Hazard } from './article14.js';
import { type LimitsRecord, loadLimits } from './limits.repository.js';
import type { RuleCatalog } from './rules.catalog.js';
import { buildDeviceRules } from './rules.catalog.js';
import { profileOf, thresholdsView } from './thresholds.view.js';

interface OverridesRecord {
  overrides: RuleOverride[];
  rev: number;
  article14HazardId: string | null;
  updatedAt: Date | null;
  updatedByName: string | null;
}

async function loadOverrides(db: Executor, deviceId: string, lock = false): Promise<OverridesRecord> {
  const [row] = await queryRows<{
    overrides: RuleOverride[];
    rev: number;
    article14_hazard_id: string | null;
    updated_at: string | Date;
    updated_by_name: string | null;
  }>(
    db,
    sql`select o.overrides, o.rev, o.article14_hazard_id, o.updated_at, u.display_name as updated_by_name
        from device_rule_overrides o left join users u on u.id = o.updated_by
        where o.device_id = ${deviceId} ${lock ? sql`for update of o` : sql``}`,
  );
  if (!row) return { overrides: [], rev: 0, article14HazardId: null, updatedAt: null, updatedByName: null };
  return {
    overrides: row.overrides,
    rev: Number(row.rev),
    article14HazardId: row.article14_hazard_id,
    updatedAt: new Date(row.updated_at),
    updatedByName: row.updated_by_name,
  };
}

function toDto(ctx: ServiceContext, device: DeviceRow, record: OverridesRecord, limits: LimitsRecord): DeviceThresholdsDto {
  const d = device.device;
  const view = thresholdsView(d.profile, d.reportingIntervalS, record.overrides, limits.items);
  return {
    deviceId: d.id,
    deviceCode: d.code,
    deviceName: d.name,
    enterpriseId: d.enterpriseId,
    profile: profileOf(d.profile),
    reportingIntervalS: d.reportingIntervalS,
    rules: view.rules,
    majorHazard: view.majorHazard
      ? {
          article: view.majorHazard.article,
          standardItemKey: view.majorHazard.standardItemKey,
          reasons: view.majorHazard.reasons,
          hazardId: record.article14HazardId,
        }
      : null,
    updatedAt: iso(record.updatedAt),
    updatedByName: record.updatedByName,
    abilities: { edit: can(ctx.principal, 'monitoring.configure_thresholds') },
  };
}

export async function getThresholds(ctx: ServiceContext, deviceId: string): Promise<DeviceThresholdsDto> {
  const device = await findDevice(ctx.db, ctx.principal.scope, deviceId);
  if (!device) throw notFound();
  const [record, limits] = await Promise.all([loadOverrides(ctx.db, deviceId), loadLimits(ctx.db)]);
  return toDto(ctx, device, record, limits);
}

const invalid = (issues: { path: (string | number)[]; message: string }[]) =>
  new AppError('VALIDATION_FAILED', issues[0]?.message ?? '提交的数据不符合要求', { issues });

/**
 * The engineer's overrides of a device, replacing the previous ones as a whole. Each is checked against the
 * profile's defaults and the bureau's limits (`checkRuleOverride`): a parameter the bureau does not open to
 * enterprises, or a value the rule schema refuses, is a 400 and nothing changes. A disabled mandatory alarm or a
 * value outside the bureau's limits is applied — the enterprise owns its equipment — and flagged: the answer's
 * `majorHazard` is set and a 第十四条 major hazard is recorded for the device. Rules that the change removes or
 * disables have their open alarms cleared in the same transaction (`retireRules`), so nothing stays open for a rule
 * that no longer exists.
 */
export async function putThresholds(
  ctx: ServiceContext,
  catalog: RuleCatalog,
  deviceId: string,
  body: PutThresholdsBody,
): Promise<DeviceThresholdsDto> {
  const device = await findDevice(ctx.db, ctx.principal.scope, deviceId);
  if (!device) throw notFound();
  const d = device.device;
  const profile = DEVICE_PROFILES[profileOf(d.profile)];
  const limits = await loadLimits(ctx.db);
  const issues: { path: (string | number)[]; message: string }[] = [];
  const seen = new Set<string>();
  body.overrides.forEach((override, i) => {
    if (seen.has(override.ruleId)) {
      issues.push({ path: ['body', 'overrides', i, 'ruleId'], message: `规则 ${override.ruleId} 重复设置` });
      return;
    }
    seen.add(override.ruleId);
    const check = checkRuleOverride(override, profile, limits.items);
    for (const message of check.errors) issues.push({ path: ['body', 'overrides', i], message });
  });
  if (issues.length > 0) throw invalid(issues);
  // An override that changes nothing is not kept (the defaults apply anyway).
  const overrides = body.overrides.filter((o) => o.enabled !== undefined || Object.keys(o.params).length > 0);

  const result = await mutateAs(ctx, async (tx) => {
    const before = await loadOverrides(tx, deviceId, true);
    const now = ctx.clock();
    const rev = before.rev + 1;
    await tx
      .insert(schema.deviceRuleOverrides)
      .values({ deviceId, enterpriseId: d.enterpriseId, overrides, rev, updatedBy: ctx.principal.userId, updatedAt: now })
      .onConflictDoUpdate({
        target: schema.deviceRuleOverrides.deviceId,
        set: { overrides, rev, updatedBy: ctx.principal.userId, updatedAt: now },
      });
    await retireChangedRules(tx, device, { rev, limitsRev: limits.rev, overrides, limits }, now);

    const view = thresholdsView(d.profile, d.reportingIntervalS, overrides, limits.items);
    let hazardId = before.article14HazardId;
    if (view.majorHazard !== null) {
      hazardId = await recordArticle14Hazard(
        tx,
        { id: d.id, code: d.code, name: d.name, location: d.location, enterpriseId: d.enterpriseId, regionPath: d.regionPath },
        view.majorHazard,
        before.article14HazardId,
        ctx.principal.userId,
        now,
      );
      if (hazardId !== before.article14HazardId) {
        await tx
          .update(schema.deviceRuleOverrides)
          .set({ article14HazardId: hazardId })
          .where(eq(schema.deviceRuleOverrides.deviceId, deviceId));
      }
    }
    const record: OverridesRecord = {
      overrides,
      rev,
      article14HazardId: hazardId,
      updatedAt: now,
      updatedByName: ctx.principal.displayName,
    };
    return {
      result: toDto(ctx, device, record, limits),
      audit: {
        action: 'devices.thresholds_updated',
        entityType: 'device',
        entityId: deviceId,
        enterpriseId: d.enterpriseId,
        regionPath: d.regionPath,
        before: { overrides: before.overrides },
        after: {
          overrides,
          note: body.note ?? null,
          article14: view.majorHazard ? { reasons: view.majorHazard.reasons, hazardId } : null,
        },
      },
    };
  });
  catalog.invalidate(deviceId);
  return result;
}

/** Clears the open alarms of rules the new configuration no longer has (removed, disabled, changed type). */
async function retireChangedRules(
  tx: Tx,
  device: DeviceRow,
  config: { rev: number; limitsRev: number; overrides: RuleOverride[]; limits: LimitsRecord },
  now: Date,
): Promise<void> {
  const d = device.device;
  const [row] = await queryRows<{ state: unknown }>(tx, sql`select state from device_rule_states where device_id = ${d.id} for update`);
  if (!row || row.state === null) return;
  const rules = buildDeviceRules(
    { profile: d.profile, reportingIntervalS: d.reportingIntervalS, overridesRev: config.rev, limitsRev: config.limitsRev },
    config.overrides,
    config.limits.items,
  );
  const nowMs = now.getTime();
  const retired = retireRules(decodeState(row.state, nowMs).state, rules.compiled, nowMs);
  await tx.execute(
    sql`update device_rule_states set state = ${JSON.stringify(encodeState(retired.state))}::jsonb, version = ${newStateVersion()}::uuid,
          rules_key = ${rules.key}, updated_at = ${now.toISOString()}::timestamptz
        where device_id = ${d.id}`,
  );
  await applyAlarmEvents(
    tx,
    [
      {
        deviceId: d.id,
        enterpriseId: d.enterpriseId,
        regionPath: d.regionPath,
        definitions: rules.definitions,
        events: retired.events.map((e) => ({ ...e, retired: true })),
      },
    ],
    now,
  );
}
