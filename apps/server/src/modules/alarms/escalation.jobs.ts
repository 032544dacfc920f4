import {
  ALARM_ESCALATION_STAGES,
  ALARM_KIND_LABELS,
  ALARM_LEVEL_LABELS,
  type AlarmEscalationStage,
  type AlarmKind,
  type AlarmLevel,
} from '@zhiben/contracts';
import { type Db, queryRows } from '@zhiben/db';
import { type SQL, sql } from 'drizzle-orm';
import { enqueueOutbox, type OutboxChannel, type OutboxMessage } from '../../platform/channels/index.js';
import { loadAudience, loadChannels, shanghaiTime } from '../notifications/audience.js';
import { type NotificationInput, notifyMany } from '../notifications/index.js';
import { withoutSent } from '../notifications/notifications.service.js';
import { plainArray } from '../telemetry/sql-arrays.js';
import { insertTimeline } from './alarms.apply.js';
import { type AlarmChangeNote, announce } from './alarms.live-channel.js';
import { escalationPlan, loadAlarmEscalationRules } from './escalation.rules.js';
import type { AlarmRecipient } from './escalation-rules.data.js';

export interface AlarmEscalationResult {
  /** Unacknowledged alarms whose next step was due. */
  alarms: number;
  /** Notifications written (one per user) and outbox messages queued by this run; 0 when re-run in the same slot. */
  notifications: number;
  outbox: number;
  byRecipient: Record<AlarmRecipient, number>;
  /** Alarms that reached a new stage (township, bureau) in this run. */
  escalated: number;
}

interface DueAlarm {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionPath: string;
  deviceCode: string;
  deviceName: string;
  ruleName: string;
  kind: AlarmKind;
  level: AlarmLevel;
  maxLevel: AlarmLevel;
  raisedAt: number;
  clearedAt: number | null;
  stage: AlarmEscalationStage;
}

const STAGE_OF: Record<AlarmRecipient, AlarmEscalationStage> = { enterprise: 'none', township: 'township', bureau: 'bureau' };
const stageRank = (s: AlarmEscalationStage) => ALARM_ESCALATION_STAGES.indexOf(s);
export const alarmEscalationKey = (alarmId: string, recipient: AlarmRecipient, slot: number) => `alarm-esc:${alarmId}:${recipient}:${slot}`;
const BATCH = 1000;

/**
 * Escalation of unacknowledged alarms (issue #6 item 4): for each alarm still 待响应 whose next step is due, the steps
 * of its most severe level (table `alarm_escalation_rules`) that have started are sent — the enterprise at once, the
 * township officer after T1, the bureau after T2 — each repeating every `repeat_minutes` until someone acknowledges
 * (acknowledging clears `next_escalation_at`, so the alarm leaves this sweep). Delivery goes through the notification
 * centre: in-app notifications (+ SSE), and the recipients' WeCom / DingTalk / e-mail channels via the outbox; the
 * dedupe key (alarm, recipient, repeat slot) makes a re-run in the same slot send nothing.
 */
export async function runAlarmEscalationSweep(
  db: Db,
  now: Date,
  options: { enterpriseIds?: string[] } = {},
): Promise<AlarmEscalationResult> {
  const result: AlarmEscalationResult = {
    alarms: 0,
    notifications: 0,
    outbox: 0,
    byRecipient: { enterprise: 0, township: 0, bureau: 0 },
    escalated: 0,
  };
  const rules = await loadAlarmEscalationRules(db);
  const only: SQL = options.enterpriseIds ? sql`and a.enterprise_id = any(${plainArray(options.enterpriseIds)}::uuid[])` : sql``;
  const due = (
    await queryRows<{
      id: string;
      enterprise_id: string;
      enterprise_name: string;
      region_path: string;
      device_code: string;
      device_name: string;
      rule_name: string;
      kind: AlarmKind;
      level: AlarmLevel;
      max_level: AlarmLevel;
      raised_ms: number;
      cleared_ms: number | null;
      escalation_stage: AlarmEscalationStage;
    }>(
      db,
      sql`select a.id, a.enterprise_id, e.name as enterprise_name, a.region_path, d.code as device_code, d.name as device_name,
                 a.rule_name, a.kind, a.level, a.max_level, (extract(epoch from a.raised_at) * 1000)::float8 as raised_ms,
                 (extract(epoch from a.cleared_at) * 1000)::float8 as cleared_ms, a.escalation_stage
          from alarms a join devices d on d.id = a.device_id join enterprises e on e.id = a.enterprise_id
          where a.status = 'pending' and a.next_escalation_at <= ${now.toISOString()}::timestamptz ${only}
          order by a.next_escalation_at limit ${BATCH}`,
    )
  ).map(
    (r): DueAlarm => ({
      id: r.id,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      regionPath: r.region_path,
      deviceCode: r.device_code,
      deviceName: r.device_name,
      ruleName: r.rule_name,
      kind: r.kind,
      level: r.level,
      maxLevel: r.max_level,
      raisedAt: Number(r.raised_ms),
      clearedAt: r.cleared_ms === null ? null : Number(r.cleared_ms),
      stage: r.escalation_stage,
    }),
  );
  result.alarms = due.length;
  if (due.length === 0) return result;

  const audience = await loadAudience(db, [...new Set(due.map((a) => a.enterpriseId))], []);
  const channels = await loadChannels(db);
  const inputs: NotificationInput[] = [];
  const recipientOf = new Map<string, AlarmRecipient>();
  const messages: { channel: OutboxChannel; message: OutboxMessage; dedupeKey: string }[] = [];
  const updates: { id: string; stage: AlarmEscalationStage; next: string | null }[] = [];
  const escalations: { alarm: DueAlarm; stage: AlarmEscalationStage }[] = [];
  const nowMs = now.getTime();

  for (const alarm of due) {
    const plan = escalationPlan(rules, alarm.maxLevel, alarm.raisedAt, nowMs);
    let stage = alarm.stage;
    for (const step of plan.due) {
      if (stageRank(STAGE_OF[step.recipient]) > stageRank(stage)) stage = STAGE_OF[step.recipient];
      const key = alarmEscalationKey(alarm.id, step.recipient, step.slot);
      const message = escalationMessage(step.recipient, alarm, nowMs, step.slot);
      recipientOf.set(key, step.recipient);
      inputs.push({
        userIds: recipientsOf(step.recipient, alarm, audience),
        kind: 'alarm_escalation',
        title: message.title,
        body: message.body,
        link: message.link ?? null,
        entityType: 'alarm',
        entityId: alarm.id,
        dedupeKey: key,
        createdAt: now,
      });
      const targets =
        step.recipient === 'enterprise'
          ? channels.forEnterprise(alarm.enterpriseId)
          : step.recipient === 'township'
            ? channels.forRegion(alarm.regionPath)
            : channels.forBureau();
      for (const channel of targets) messages.push({ channel, message, dedupeKey: key });
    }
    if (stage !== alarm.stage) escalations.push({ alarm, stage });
    updates.push({ id: alarm.id, stage, next: plan.next === null ? null : new Date(plan.next).toISOString() });
  }
  const fresh = await withoutSent(db, inputs);

  await db.transaction(async (tx) => {
    for (const row of await notifyMany(tx, fresh.inputs)) {
      const recipient = recipientOf.get(row.dedupeKey);
      if (recipient) result.byRecipient[recipient]++;
      result.notifications++;
    }
    result.outbox = await enqueueOutbox(
      tx,
      messages.filter((m) => !fresh.done.has(m.dedupeKey)),
      now,
    );
    // Only alarms still unacknowledged: one acknowledged meanwhile keeps next_escalation_at = null.
    const moved = await queryRows<{ id: string }>(
      tx,
      sql`update alarms a set escalation_stage = v.stage, next_escalation_at = v.next, updated_at = ${now.toISOString()}::timestamptz
          from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as v(id uuid, stage text, next timestamptz)
          where a.id = v.id and a.status = 'pending'
          returning a.id`,
    );
    const still = new Set(moved.map((r) => r.id));
    const escalated = escalations.filter((e) => still.has(e.alarm.id));
    result.escalated = escalated.length;
    await insertTimeline(
      tx,
      escalated.map((e) => ({
        alarm_id: e.alarm.id,
        enterprise_id: e.alarm.enterpriseId,
        action: 'escalated',
        level: e.alarm.maxLevel,
        value: null,
        data: { stage: e.stage, minutes: Math.floor((nowMs - e.alarm.raisedAt) / 60_000) },
        at: now.toISOString(),
      })),
    );
    const notes: AlarmChangeNote[] = escalated.map((e) => ({
      alarmId: e.alarm.id,
      enterpriseId: e.alarm.enterpriseId,
      regionPath: e.alarm.regionPath,
      change: 'escalated',
    }));
    await announce(tx, notes);
  });
  return result;
}

function recipientsOf(recipient: AlarmRecipient, alarm: DueAlarm, audience: Awaited<ReturnType<typeof loadAudience>>): string[] {
  switch (recipient) {
    case 'enterprise':
      return [
        ...(audience.principalsByEnterprise.get(alarm.enterpriseId) ?? []),
        ...(audience.safetyManagersByEnterprise.get(alarm.enterpriseId) ?? []),
      ];
    case 'township':
      return audience.townshipOfficers.filter((u) => alarm.regionPath.startsWith(u.regionPath)).map((u) => u.id);
    case 'bureau':
      return audience.bureauOfficers;
  }
}

export function escalationMessage(recipient: AlarmRecipient, alarm: DueAlarm, nowMs: number, slot: number): OutboxMessage {
  const level = ALARM_LEVEL_LABELS[alarm.maxLevel];
  const what = `${alarm.deviceName}（${alarm.deviceCode}）「${alarm.ruleName}」${level}${ALARM_KIND_LABELS[alarm.kind]}`;
  const minutes = Math.max(0, Math.floor((nowMs - alarm.raisedAt) / 60_000));
  const since = `报警时间 ${shanghaiTime(new Date(alarm.raisedAt))}`;
  const recovered = alarm.clearedAt !== null ? '（报警已恢复，仍需响应并提交处置报告）' : '';
  const link = `/monitoring/alarms/${alarm.id}`;
  switch (recipient) {
    case 'enterprise':
      return slot === 0
        ? { title: `【${level}报警】${alarm.enterpriseName}`, body: `${what}，${since}。请立即响应并现场处置${recovered}。`, link }
        : {
            title: `【${level}报警未响应】${alarm.enterpriseName}`,
            body: `${what}已 ${minutes} 分钟未响应，${since}${recovered}。超时未响应将升级至属地乡镇（街道）和区应急管理局。`,
            link,
          };
    case 'township':
      return {
        title: `【辖区${level}报警超时未响应】${alarm.enterpriseName}`,
        body: `${alarm.enterpriseName}${what}已 ${minutes} 分钟未响应，${since}${recovered}。请督促企业立即响应处置。`,
        link,
      };
    case 'bureau':
      return {
        title: `【${level}报警升级至区局】${alarm.enterpriseName}`,
        body: `${alarm.enterpriseName}${what}已 ${minutes} 分钟未响应，已提醒企业和属地乡镇（街道），${since}${recovered}。`,
        link,
      };
  }
}
