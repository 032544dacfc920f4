import type { Db } from '@zhiben/db';
import { daysLeftInQuarter, formatQuarter, inReminderWindow, quarterOf, quarterRange, shanghaiDate } from '@zhiben/domain';
import { enqueueOutbox, type OutboxChannel, type OutboxMessage } from '../../platform/channels/index.js';
import { principalCompliance } from '../self-inspection/compliance.repository.js';
import { loadAudience, loadChannels, shanghaiTime } from './audience.js';
import { type NotificationInput, notifyMany, withoutSent } from './notifications.service.js';

/**
 * 主要负责人每季度至少带队检查 1 次 (《全区工贸行业安全生产治本攻坚三年行动实施方案（2024—2026年）》三(四)6). In the last
 * 15 days of a quarter (Asia/Shanghai), the principal and safety managers of every operating or suspended
 * enterprise whose principal has not led a completed inspection this quarter are reminded once per local day,
 * from 08:00 (so a sweep after midnight does not message anyone at night).
 */
export const QUARTER_REMINDER_FROM_HOUR = 8;

export interface QuarterSweepResult {
  skipped?: 'outside_window' | 'before_office_hours';
  quarter: string;
  /** Enterprises whose principal has not led an inspection this quarter (reminded now or earlier today). */
  enterprises: number;
  notifications: number;
  outbox: number;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export async function runQuarterReminderSweep(db: Db, now: Date, options: { enterpriseIds?: string[] } = {}): Promise<QuarterSweepResult> {
  const quarter = quarterOf(now);
  const result: QuarterSweepResult = { quarter: formatQuarter(quarter), enterprises: 0, notifications: 0, outbox: 0 };
  if (!inReminderWindow(now)) return { ...result, skipped: 'outside_window' };
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  if (local.getUTCHours() < QUARTER_REMINDER_FROM_HOUR) return { ...result, skipped: 'before_office_hours' };

  const { start, end } = quarterRange(quarter);
  const missing = (await principalCompliance(db, { kind: 'all' }, start, end)).filter(
    (row) => row.ledCount === 0 && (!options.enterpriseIds || options.enterpriseIds.includes(row.enterpriseId)),
  );
  result.enterprises = missing.length;
  if (missing.length === 0) return result;

  const enterpriseIds = missing.map((m) => m.enterpriseId);
  const audience = await loadAudience(db, enterpriseIds, []);
  const channels = await loadChannels(db);
  const day = shanghaiDate(now);
  const lastDay = shanghaiTime(new Date(end.getTime() - 1)).slice(0, 10);
  const daysLeft = daysLeftInQuarter(now);

  const inputs: NotificationInput[] = [];
  const messages: { channel: OutboxChannel; message: OutboxMessage; dedupeKey: string }[] = [];
  for (const row of missing) {
    const dedupeKey = `quarter:${row.enterpriseId}:${result.quarter}:${day}`;
    const message: OutboxMessage = {
      title: `【季度带队检查提醒】${row.enterpriseName}`,
      body:
        `${quarter.year}年第${quarter.quarter}季度还剩 ${daysLeft} 天，本企业主要负责人本季度尚未带队开展重大事故隐患排查检查。` +
        `按照治本攻坚三年行动实施方案三(四)6，主要负责人每季度至少带队检查 1 次，请于 ${lastDay} 前完成（新建自查时选择“主要负责人带队”）。`,
      link: '/self-inspection?create=1',
    };
    inputs.push({
      userIds: [
        ...(audience.principalsByEnterprise.get(row.enterpriseId) ?? []),
        ...(audience.safetyManagersByEnterprise.get(row.enterpriseId) ?? []),
      ],
      kind: 'quarter_reminder',
      title: message.title,
      body: message.body,
      link: message.link ?? null,
      entityType: 'enterprise',
      entityId: row.enterpriseId,
      dedupeKey,
      createdAt: now,
    });
    for (const channel of channels.forEnterprise(row.enterpriseId)) messages.push({ channel, message, dedupeKey });
  }
  const fresh = await withoutSent(db, inputs);
  await db.transaction(async (tx) => {
    result.notifications = (await notifyMany(tx, fresh.inputs)).length;
    result.outbox = await enqueueOutbox(
      tx,
      messages.filter((m) => !fresh.done.has(m.dedupeKey)),
      now,
    );
  });
  return result;
}
