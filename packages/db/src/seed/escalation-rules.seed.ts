import type { EscalationRuleData } from '@zhiben/contracts';
import type { Executor } from '../client.js';
import { escalationRules } from '../schema/hazard-loop.js';

/**
 * Seeds the escalation rules. Like the other catalogs, an existing (level, recipient) row is never overwritten:
 * once an official has amended a rule, a restart must not undo it.
 */
export async function seedEscalationRules(db: Executor, rules: readonly EscalationRuleData[]): Promise<void> {
  if (rules.length === 0) return;
  await db
    .insert(escalationRules)
    .values(
      rules.map((r) => ({
        level: r.level,
        recipient: r.recipient,
        offsetHours: r.offsetHours,
        repeatHours: r.repeatHours,
        source: r.source,
      })),
    )
    .onConflictDoNothing({ target: [escalationRules.level, escalationRules.recipient] });
}
