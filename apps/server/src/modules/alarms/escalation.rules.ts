import type { AlarmLevel } from '@zhiben/contracts';
import { type Executor, queryRows } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import { ALARM_ESCALATION_RULES, type AlarmRecipient } from './escalation-rules.data.js';
import { uuidv7 } from './ids.js';

export interface AlarmEscalationRule {
  level: AlarmLevel;
  recipient: AlarmRecipient;
  afterMinutes: number;
  repeatMinutes: number;
}

const MINUTE = 60_000;

/**
 * Seeds the alarm escalation rules; an existing (level, recipient) row is never overwritten, so an official's
 * amendment survives restarts (as with the hazard escalation rules).
 */
export async function seedAlarmEscalationRules(db: Executor): Promise<void> {
  const payload = ALARM_ESCALATION_RULES.map((r) => ({
    id: uuidv7(),
    level: r.level,
    recipient: r.recipient,
    after_minutes: r.afterMinutes,
    repeat_minutes: r.repeatMinutes,
    source: r.source,
  }));
  await db.execute(
    sql`insert into alarm_escalation_rules (id, level, recipient, after_minutes, repeat_minutes, source)
        select id, level, recipient, after_minutes, repeat_minutes, source
        from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb)
          as v(id uuid, level text, recipient text, after_minutes int, repeat_minutes int, source text)
        on conflict (level, recipient) do nothing`,
  );
}

export async function loadAlarmEscalationRules(db: Executor): Promise<AlarmEscalationRule[]> {
  const rows = await queryRows<{ level: AlarmLevel; recipient: AlarmRecipient; after_minutes: number; repeat_minutes: number }>(
    db,
    sql`select level, recipient, after_minutes, repeat_minutes from alarm_escalation_rules where active order by level, after_minutes`,
  );
  return rows.map((r) => ({
    level: r.level,
    recipient: r.recipient,
    afterMinutes: Number(r.after_minutes),
    repeatMinutes: Number(r.repeat_minutes),
  }));
}

export interface EscalationPlan {
  /** Steps due at `now`, each with its repeat slot (0 = the first notice). */
  due: { recipient: AlarmRecipient; slot: number }[];
  /** When the next step or repeat falls due; null when nothing more will come. */
  next: number | null;
}

/**
 * Where an unacknowledged alarm stands at `now`: which steps have started (and in which repeat slot) and when the
 * next one is due. Pure; the sweep dedupes by (alarm, recipient, slot), so a re-run in the same slot sends nothing.
 */
export function escalationPlan(rules: readonly AlarmEscalationRule[], level: AlarmLevel, raisedAt: number, now: number): EscalationPlan {
  const due: EscalationPlan['due'] = [];
  let next: number | null = null;
  const earliest = (t: number) => {
    if (next === null || t < next) next = t;
  };
  for (const rule of rules) {
    if (rule.level !== level) continue;
    const start = raisedAt + rule.afterMinutes * MINUTE;
    if (now < start) {
      earliest(start);
      continue;
    }
    const repeat = rule.repeatMinutes * MINUTE;
    const slot = repeat > 0 ? Math.floor((now - start) / repeat) : 0;
    due.push({ recipient: rule.recipient, slot });
    if (repeat > 0) earliest(start + (slot + 1) * repeat);
  }
  return { due, next };
}

/** The first time the bureau is told (T2) of an alarm of `level`; null when no bureau step exists. */
export function bureauAfterMinutes(rules: readonly AlarmEscalationRule[], level: AlarmLevel): number | null {
  const rule = rules.find((r) => r.level === level && r.recipient === 'bureau');
  return rule ? rule.afterMinutes : null;
}
