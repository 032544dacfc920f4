import { ESCALATION_RECIPIENTS, type EscalationRecipient, HAZARD_LEVEL_LABELS, type HazardLevel } from '@zhiben/contracts';
import { type Db, type Executor, queryRows, schema } from '@zhiben/db';
import { eq, type SQL, sql } from 'drizzle-orm';
import { enqueueOutbox, type OutboxChannel, type OutboxMessage } from '../../platform/channels/index.js';
import {
  type Audience,
  type ChannelDirectory,
  idIn,
  loadAudience,
  loadChannels,
  shanghaiTime,
  shortText,
  townshipOfficersOf,
} from './audience.js';
import { type NotificationInput, notifyMany, withoutSent } from './notifications.service.js';

/**
 * Escalation of hazards not rectified in time (rules as data: table `escalation_rules`, seeded from
 * packages/db/src/seed/escalation-rules.data.ts). A hazard escalates while it is 整改中 with a deadline; each rule
 * starts at deadline + offset and repeats every `repeatHours` until someone acts: the hazard leaves 整改中 (submitted
 * for acceptance, closed) or its deadline changes. The dedupe key encodes hazard, step, deadline and repeat slot, so
 * running the sweep twice in one slot sends nothing new, and every new slot sends again.
 */
export interface EscalationRule {
  level: string;
  recipient: string;
  offsetHours: number;
  repeatHours: number;
}

const HOUR = 3_600_000;

/** Whether a rule is due for a deadline at `now`, and in which repeat slot (0 = the first reminder). */
export function escalationSlot(rule: Pick<EscalationRule, 'offsetHours' | 'repeatHours'>, deadline: Date, now: Date): number | null {
  const startsAt = deadline.getTime() + rule.offsetHours * HOUR;
  if (now.getTime() < startsAt) return null;
  return rule.repeatHours > 0 ? Math.floor((now.getTime() - startsAt) / (rule.repeatHours * HOUR)) : 0;
}

export const escalationKey = (hazardId: string, recipient: string, deadline: Date, slot: number) =>
  `esc:${hazardId}:${recipient}:${deadline.toISOString()}:${slot}`;

export interface EscalationSweepResult {
  /** Hazards 整改中 whose earliest step has started. */
  hazards: number;
  /** Notifications written (one per user) and outbox messages queued by this run; 0 when re-run in the same slot. */
  notifications: number;
  outbox: number;
  byRecipient: Record<EscalationRecipient, number>;
}

interface HazardRow {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionPath: string;
  level: HazardLevel;
  deadline: Date;
  responsibleUserId: string | null;
  responsibleName: string | null;
  description: string;
}

export async function loadEscalationRules(db: Executor): Promise<EscalationRule[]> {
  const { escalationRules: r } = schema;
  return db
    .select({ level: r.level, recipient: r.recipient, offsetHours: r.offsetHours, repeatHours: r.repeatHours })
    .from(r)
    .where(eq(r.active, true));
}

/**
 * One sweep at `now`: writes the due reminders (in-app via notifyMany, and outbox messages for the recipients'
 * channels) in one transaction. `enterpriseIds` limits the sweep (tests sharing a database).
 */
export async function runEscalationSweep(db: Db, now: Date, options: { enterpriseIds?: string[] } = {}): Promise<EscalationSweepResult> {
  const result: EscalationSweepResult = {
    hazards: 0,
    notifications: 0,
    outbox: 0,
    byRecipient: { responsible: 0, principal: 0, township: 0, bureau: 0 },
  };
  const rules = (await loadEscalationRules(db)).filter((r) => (ESCALATION_RECIPIENTS as readonly string[]).includes(r.recipient));
  if (rules.length === 0) return result;
  const maxLeadHours = Math.max(0, ...rules.map((r) => -r.offsetHours));
  const horizon = new Date(now.getTime() + maxLeadHours * HOUR);
  const only: SQL = options.enterpriseIds ? sql`and ${idIn(sql`h.enterprise_id`, options.enterpriseIds)}` : sql``;
  const hazards = (
    await queryRows<Omit<HazardRow, 'deadline'> & { deadline: string | Date }>(
      db,
      sql`select h.id, h.enterprise_id as "enterpriseId", e.name as "enterpriseName", h.region_path as "regionPath", h.level,
                 h.deadline, h.responsible_user_id as "responsibleUserId", h.responsible_name as "responsibleName", h.description
          from hazards h join enterprises e on e.id = h.enterprise_id
          where h.status = 'rectifying' and h.deadline is not null and h.deadline <= ${horizon.toISOString()}::timestamptz ${only}
          order by h.deadline`,
    )
  ).map((h) => ({ ...h, deadline: new Date(h.deadline) }));

  type Step = { hazard: HazardRow; recipient: EscalationRecipient; key: string };
  const steps: Step[] = [];
  const started = new Set<string>();
  for (const hazard of hazards) {
    for (const rule of rules) {
      if (rule.level !== hazard.level) continue;
      const slot = escalationSlot(rule, hazard.deadline, now);
      if (slot === null) continue;
      started.add(hazard.id);
      const recipient = rule.recipient as EscalationRecipient;
      steps.push({ hazard, recipient, key: escalationKey(hazard.id, recipient, hazard.deadline, slot) });
    }
  }
  result.hazards = started.size;
  if (steps.length === 0) return result;

  const audience = await loadAudience(
    db,
    [...new Set(hazards.map((h) => h.enterpriseId))],
    hazards.flatMap((h) => (h.responsibleUserId ? [h.responsibleUserId] : [])),
  );
  const channels = await loadChannels(db);

  const inputs: NotificationInput[] = [];
  const recipientOf = new Map<string, EscalationRecipient>();
  const messages: { channel: OutboxChannel; message: OutboxMessage; dedupeKey: string }[] = [];
  for (const step of steps) {
    const message = escalationMessage(step.recipient, step.hazard, now);
    recipientOf.set(step.key, step.recipient);
    inputs.push({
      userIds: recipientsOf(step.recipient, step.hazard, audience),
      kind: 'hazard_escalation',
      title: message.title,
      body: message.body,
      link: message.link ?? null,
      entityType: 'hazard',
      entityId: step.hazard.id,
      dedupeKey: step.key,
      createdAt: now,
    });
    for (const channel of channelsOf(step.recipient, step.hazard, channels)) messages.push({ channel, message, dedupeKey: step.key });
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
  });
  return result;
}

function recipientsOf(recipient: EscalationRecipient, hazard: HazardRow, audience: Audience): string[] {
  switch (recipient) {
    case 'responsible':
      return hazard.responsibleUserId && audience.activeUserIds.has(hazard.responsibleUserId) ? [hazard.responsibleUserId] : [];
    case 'principal':
      return audience.principalsByEnterprise.get(hazard.enterpriseId) ?? [];
    case 'township':
      return townshipOfficersOf(audience, hazard.regionPath);
    case 'bureau':
      return audience.bureauOfficers;
  }
}

function channelsOf(recipient: EscalationRecipient, hazard: HazardRow, channels: ChannelDirectory): OutboxChannel[] {
  switch (recipient) {
    case 'responsible':
    case 'principal':
      return channels.forEnterprise(hazard.enterpriseId);
    case 'township':
      return channels.forRegion(hazard.regionPath);
    case 'bureau':
      return channels.forBureau();
  }
}

export function escalationMessage(recipient: EscalationRecipient, hazard: HazardRow, now: Date): OutboxMessage {
  const level = HAZARD_LEVEL_LABELS[hazard.level] ?? '隐患';
  const what = `${level}「${shortText(hazard.description)}」`;
  const deadline = shanghaiTime(hazard.deadline);
  const daysLate = Math.floor((now.getTime() - hazard.deadline.getTime()) / (24 * HOUR));
  const late = now < hazard.deadline ? '' : daysLate >= 1 ? `已逾期 ${daysLate} 天` : '已到期';
  const link = `/hazards/${hazard.id}`;
  const who = hazard.responsibleName ?? '未指定';
  switch (recipient) {
    case 'responsible':
      return late
        ? {
            title: `【隐患整改${late}】${hazard.enterpriseName}`,
            body: `${what}整改期限 ${deadline}，${late}，请尽快完成整改并提交验收。`,
            link,
          }
        : {
            title: `【隐患整改即将到期】${hazard.enterpriseName}`,
            body: `${what}整改期限为 ${deadline}，请按期完成整改并提交验收。`,
            link,
          };
    case 'principal':
      return {
        title: `【隐患到期未整改】${hazard.enterpriseName}`,
        body: `本企业${what}整改期限 ${deadline}，${late}，尚未提交验收（整改责任人：${who}）。请督促整改。`,
        link,
      };
    case 'township':
      return {
        title: `【辖区隐患${late}】${hazard.enterpriseName}`,
        body: `${hazard.enterpriseName}${what}整改期限 ${deadline}，${late}仍未整改完成（整改责任人：${who}），请督促企业整改。`,
        link,
      };
    case 'bureau':
      return {
        title: `【隐患逾期升级至区局】${hazard.enterpriseName}`,
        body: `${hazard.enterpriseName}${what}整改期限 ${deadline}，${late}仍未整改完成，已提醒企业和属地乡镇（街道）。`,
        link,
      };
  }
}
