import {
  BUREAU_RULE_LIMITS,
  type BureauLimitDto,
  type BureauLimitsDto,
  type BureauRuleLimit,
  DEVICE_PROFILES,
  PROFILE_LABELS,
  type PutBureauLimitsBody,
  RULE_PARAM_LABELS,
} from '@zhiben/contracts';
import { queryRows } from '@zhiben/db';
import { hasParam, ruleParams } from '@zhiben/domain';
import { sql } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { iso } from '../../platform/listing.js';
import { can } from '../../platform/principal.js';
import { LIMITS_ROW_ID, type LimitsRecord, loadLimits } from './limits.repository.js';
import type { RuleCatalog } from './rules.catalog.js';
import { implicitValue } from './thresholds.view.js';

const BUREAU_SET = '区应急管理局设定（本地政策，可调整）';

function toDto(ctx: ServiceContext, limits: LimitsRecord, updatedByName: string | null): BureauLimitsDto {
  const items = limits.items.flatMap((l): BureauLimitDto[] => {
    const profile = DEVICE_PROFILES[l.profile];
    const rule = profile?.rules.find((r) => r.rule.id === l.ruleId)?.rule;
    const def = rule ? (ruleParams(rule)[l.param] ?? implicitValue(rule, l.param, profile.reportingIntervalS)) : undefined;
    if (!rule || def === undefined) return [];
    return [
      {
        profile: l.profile,
        ruleId: l.ruleId,
        ruleName: rule.name,
        param: l.param,
        paramLabel: RULE_PARAM_LABELS[l.param],
        default: def,
        min: l.min,
        max: l.max,
        source: l.source,
        verified: l.verified,
      },
    ];
  });
  return {
    items,
    customized: limits.customized,
    updatedAt: iso(limits.updatedAt),
    updatedByName,
    abilities: { edit: can(ctx.principal, 'monitoring.set_limits') && ctx.principal.scope.kind === 'all' },
  };
}

async function updaterName(ctx: ServiceContext, limits: LimitsRecord): Promise<string | null> {
  if (!limits.updatedBy) return null;
  const [row] = await queryRows<{ name: string }>(ctx.db, sql`select display_name as name from users where id = ${limits.updatedBy}`);
  return row?.name ?? null;
}

export async function getLimits(ctx: ServiceContext): Promise<BureauLimitsDto> {
  const limits = await loadLimits(ctx.db);
  return toDto(ctx, limits, await updaterName(ctx, limits));
}

/**
 * The bureau replaces the district's limit table (data, audited). Each row must name a tunable parameter of a
 * default rule of its profile, at most once. Rows kept from the built-in table keep their provenance note; new ones
 * are marked as the bureau's own setting. Every instance notices the new revision with its next batch.
 */
export async function putLimits(ctx: ServiceContext, catalog: RuleCatalog, body: PutBureauLimitsBody): Promise<BureauLimitsDto> {
  // District-wide configuration: a holder of the permission outside the bureau's scope may not change it.
  if (ctx.principal.scope.kind !== 'all') throw new AppError('FORBIDDEN');
  const issues: { path: (string | number)[]; message: string }[] = [];
  const seen = new Set<string>();
  const items: BureauRuleLimit[] = [];
  body.items.forEach((item, i) => {
    const rule = DEVICE_PROFILES[item.profile].rules.find((r) => r.rule.id === item.ruleId)?.rule;
    const label = `${PROFILE_LABELS[item.profile]}「${rule?.name ?? item.ruleId}」的${RULE_PARAM_LABELS[item.param]}`;
    if (!rule) {
      issues.push({ path: ['body', 'items', i, 'ruleId'], message: `规则 ${item.ruleId} 不是${PROFILE_LABELS[item.profile]}的默认规则` });
      return;
    }
    if (!hasParam(rule, item.param)) {
      issues.push({ path: ['body', 'items', i, 'param'], message: `「${rule.name}」没有参数“${RULE_PARAM_LABELS[item.param]}”` });
      return;
    }
    const key = `${item.profile}|${item.ruleId}|${item.param}`;
    if (seen.has(key)) {
      issues.push({ path: ['body', 'items', i], message: `${label}重复设置` });
      return;
    }
    seen.add(key);
    const builtIn = BUREAU_RULE_LIMITS.find((l) => l.profile === item.profile && l.ruleId === item.ruleId && l.param === item.param);
    const unchanged = builtIn && builtIn.min === item.min && builtIn.max === item.max;
    items.push({ ...item, source: unchanged ? builtIn.source : BUREAU_SET, verified: unchanged ? builtIn.verified : false });
  });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues[0]?.message, { issues });

  const result = await mutateAs(ctx, async (tx) => {
    const before = await loadLimits(tx);
    const now = ctx.clock();
    await tx.execute(
      sql`insert into monitoring_limits (id, items, rev, updated_by, updated_at)
          values (${LIMITS_ROW_ID}, ${JSON.stringify(items)}::jsonb, 1, ${ctx.principal.userId}::uuid, ${now.toISOString()}::timestamptz)
          on conflict (id) do update set items = excluded.items, rev = monitoring_limits.rev + 1, updated_by = excluded.updated_by,
            updated_at = excluded.updated_at`,
    );
    const after = await loadLimits(tx);
    return {
      result: toDto(ctx, after, ctx.principal.displayName),
      audit: {
        action: 'monitoring.limits_updated',
        entityType: 'monitoring_limits',
        entityId: null,
        before: {
          customized: before.customized,
          items: before.items.map(({ profile, ruleId, param, min, max }) => ({ profile, ruleId, param, min, max })),
        },
        after: {
          items: items.map(({ profile, ruleId, param, min, max }) => ({ profile, ruleId, param, min, max })),
          note: body.note ?? null,
        },
      },
    };
  });
  catalog.invalidate(null);
  return result;
}
