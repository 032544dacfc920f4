import { ALARM_KIND_LABELS, ALARM_LEVEL_LABELS, type AlarmKind, type AlarmLevel } from '@zhiben/contracts';
import { type Db, queryRows, schema } from '@zhiben/db';
import { type SQL, sql } from 'drizzle-orm';
import type { AuditActor } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { mutate } from '../../platform/context.js';
import { upsertHazardFromFinding } from '../hazards/index.js';
import { plainArray, textArray } from '../telemetry/sql-arrays.js';
import { insertTimeline } from './alarms.apply.js';
import { announce } from './alarms.live-channel.js';
import { bureauAfterMinutes, loadAlarmEscalationRules } from './escalation.rules.js';
import { ALARM_HAZARD_POLICY } from './escalation-rules.data.js';

export const SYSTEM_ACTOR: AuditActor = { actorId: null, actorUsername: 'system', requestId: null, ip: null };

export type AlarmHazardReason = 'recurrence' | 'unacknowledged';

export interface AlarmHazardResult {
  hazards: number;
  byReason: Record<AlarmHazardReason, number>;
}

interface Candidate {
  id: string;
  deviceId: string;
  ruleId: string;
  enterpriseId: string;
  regionPath: string;
  deviceCode: string;
  deviceName: string;
  location: string | null;
  ruleName: string;
  kind: AlarmKind;
  maxLevel: AlarmLevel;
  raisedAt: Date;
  status: string;
  raises: number;
}

/**
 * Alarm → hazard (issue #6 item 4; policy as data in ALARM_HAZARD_POLICY): a red or orange alarm that recurred
 * (`recurrences` raises of the same device and rule within `windowHours`) or is still unacknowledged past T2 (the
 * bureau step of its level) becomes a hazard record of source 监测报警, to be judged like any other. Once: the alarm
 * keeps `hazard_id`, and while a hazard of the same device and rule is still open no second one is made (a recurring
 * fault is one hazard, not one per alarm). Links both ways: alarm.hazard_id, and the hazard's source_ref
 * `alarm:{id}` plus a `monitoring_alarm` timeline entry with the alarm's id. Each conversion is its own audited
 * transaction (actor: system).
 */
export async function runAlarmHazardSweep(
  db: Db,
  now: Date,
  options: { enterpriseIds?: string[]; clock?: Clock } = {},
): Promise<AlarmHazardResult> {
  const result: AlarmHazardResult = { hazards: 0, byReason: { recurrence: 0, unacknowledged: 0 } };
  const rules = await loadAlarmEscalationRules(db);
  const levels = ALARM_HAZARD_POLICY.levels;
  const t2 = levels.map((l) => bureauAfterMinutes(rules, l));
  const windowStart = new Date(now.getTime() - ALARM_HAZARD_POLICY.windowHours * 3_600_000).toISOString();
  const only: SQL = options.enterpriseIds ? sql`and a.enterprise_id = any(${plainArray(options.enterpriseIds)}::uuid[])` : sql``;
  const t2Minutes = sql`(select m from unnest(${textArray([...levels])}::text[], ${plainArray(t2)}::int[]) as t(l, m) where t.l = a.max_level)`;

  const rows = await queryRows<{
    id: string;
    device_id: string;
    rule_id: string;
    enterprise_id: string;
    region_path: string;
    device_code: string;
    device_name: string;
    location: string | null;
    rule_name: string;
    kind: AlarmKind;
    max_level: AlarmLevel;
    raised_at: string | Date;
    status: string;
    raises: number;
    overdue: boolean;
  }>(
    db,
    sql`with c as (
          select a.*, (select count(*) from alarm_events e join alarms b on b.id = e.alarm_id
                       where b.device_id = a.device_id and b.rule_id = a.rule_id and e.action in ('raised', 'reraised')
                         and e.at >= ${windowStart}::timestamptz)::int as raises,
                 coalesce(a.status = 'pending' and ${t2Minutes} is not null
                   and a.raised_at + make_interval(mins => ${t2Minutes}) <= ${now.toISOString()}::timestamptz, false) as overdue
          from alarms a
          where a.hazard_id is null and a.max_level = any(${textArray([...levels])}::text[])
            and (a.status <> 'closed' or a.raised_at >= ${windowStart}::timestamptz) ${only}
        )
        select c.id, c.device_id, c.rule_id, c.enterprise_id, c.region_path, d.code as device_code, d.name as device_name,
               d.location, c.rule_name, c.kind, c.max_level, c.raised_at, c.status, c.raises, c.overdue
        from c join devices d on d.id = c.device_id
        where (c.raises >= ${ALARM_HAZARD_POLICY.recurrences} or c.overdue)
          and not exists (select 1 from alarms o join hazards h on h.id = o.hazard_id
                          where o.device_id = c.device_id and o.rule_id = c.rule_id and h.status <> 'closed')
        order by c.raised_at`,
  );
  const done = new Set<string>();
  for (const r of rows) {
    const pair = `${r.device_id}|${r.rule_id}`;
    if (done.has(pair)) continue;
    done.add(pair);
    const candidate: Candidate = {
      id: r.id,
      deviceId: r.device_id,
      ruleId: r.rule_id,
      enterpriseId: r.enterprise_id,
      regionPath: r.region_path,
      deviceCode: r.device_code,
      deviceName: r.device_name,
      location: r.location,
      ruleName: r.rule_name,
      kind: r.kind,
      maxLevel: r.max_level,
      raisedAt: new Date(r.raised_at),
      status: r.status,
      raises: Number(r.raises),
    };
    const reason: AlarmHazardReason = Number(r.raises) >= ALARM_HAZARD_POLICY.recurrences ? 'recurrence' : 'unacknowledged';
    if (await convert(db, candidate, reason, now, options.clock ?? (() => now))) {
      result.hazards++;
      result.byReason[reason]++;
    }
  }
  return result;
}

/** Thrown to roll back a conversion that another run made first (no audit row for nothing done). */
class AlreadyConverted extends Error {}

async function convert(db: Db, alarm: Candidate, reason: AlarmHazardReason, now: Date, clock: Clock): Promise<boolean> {
  try {
    return await convertOnce(db, alarm, reason, now, clock);
  } catch (err) {
    if (err instanceof AlreadyConverted) return false;
    throw err;
  }
}

async function convertOnce(db: Db, alarm: Candidate, reason: AlarmHazardReason, now: Date, clock: Clock): Promise<boolean> {
  return mutate(db, SYSTEM_ACTOR, clock, async (tx) => {
    // Re-checked under the row lock: another instance (or an earlier run) may have converted it already.
    const [locked] = await queryRows<{ hazard_id: string | null }>(tx, sql`select hazard_id from alarms where id = ${alarm.id} for update`);
    if (!locked || locked.hazard_id !== null) throw new AlreadyConverted();
    const level = ALARM_LEVEL_LABELS[alarm.maxLevel];
    const why =
      reason === 'recurrence'
        ? `${ALARM_HAZARD_POLICY.windowHours} 小时内报警 ${alarm.raises} 次`
        : '超过升级至区应急管理局的时限（T2）仍未响应';
    const description = `监测报警转隐患：${alarm.deviceName}（${alarm.deviceCode}）「${alarm.ruleName}」${level}${ALARM_KIND_LABELS[alarm.kind]}，${why}。`;
    const hazard = await upsertHazardFromFinding(tx, {
      enterpriseId: alarm.enterpriseId,
      regionPath: alarm.regionPath,
      source: 'monitoring_alarm',
      sourceRef: `alarm:${alarm.id}`,
      level: 'general',
      description,
      location: alarm.location ?? alarm.deviceName,
      photos: [],
      foundBy: null,
      foundAt: alarm.raisedAt,
    });
    await tx.update(schema.alarms).set({ hazardId: hazard.id, updatedAt: now }).where(sql`${schema.alarms.id} = ${alarm.id}`);
    await tx.insert(schema.hazardEvents).values({
      hazardId: hazard.id,
      enterpriseId: alarm.enterpriseId,
      action: 'monitoring_alarm',
      actorName: '监测预警系统',
      note: description,
      data: { alarmId: alarm.id, deviceId: alarm.deviceId, ruleId: alarm.ruleId, reason },
      at: now,
    });
    await insertTimeline(tx, [
      {
        alarm_id: alarm.id,
        enterprise_id: alarm.enterpriseId,
        action: 'hazard_created',
        level: alarm.maxLevel,
        value: null,
        data: { hazardId: hazard.id, reason },
        at: now.toISOString(),
      },
    ]);
    await announce(tx, [{ alarmId: alarm.id, enterpriseId: alarm.enterpriseId, regionPath: alarm.regionPath, change: 'updated' }]);
    return {
      result: true,
      audit: {
        action: 'alarms.hazard_created',
        entityType: 'alarm',
        entityId: alarm.id,
        enterpriseId: alarm.enterpriseId,
        regionPath: alarm.regionPath,
        after: { hazardId: hazard.id, reason, level: alarm.maxLevel, status: alarm.status },
      },
    };
  });
}
