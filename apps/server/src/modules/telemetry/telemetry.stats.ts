import type { IngestOutcome, IngestStatsQuery, IngestStatsResponse, Scope } from '@zhiben/contracts';
import { queryRows, schema } from '@zhiben/db';
import { and, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { enterpriseIdScope } from '../../platform/scope.js';
import { shanghaiDay } from './batch-writer.js';

const DAY_MS = 86_400_000;
const MAX_DAYS = 92;
const MAX_ROWS = 5_000;

/**
 * Ingestion outcomes per day from `ingest_counters`, within the caller's scope. Rows of senders that could not be
 * tied to an enterprise (unknown credit code) have no enterprise and are shown to bureau-wide scopes only.
 */
export async function ingestStats(ctx: ServiceContext, query: IngestStatsQuery): Promise<IngestStatsResponse> {
  const today = shanghaiDay(ctx.clock());
  const to = query.to ?? today;
  const from = query.from ?? shanghaiDay(new Date(Date.parse(`${to}T00:00:00+08:00`) - 6 * DAY_MS));
  const span = (Date.parse(to) - Date.parse(from)) / DAY_MS;
  if (span < 0 || span > MAX_DAYS) {
    const message = `日期范围应在 0–${MAX_DAYS} 天之间，且开始日期不晚于结束日期`;
    throw new AppError('VALIDATION_FAILED', message, { issues: [{ path: ['query', 'from'], message }] });
  }
  const c = schema.ingestCounters;
  const conditions = [scopeOf(ctx.principal.scope), sql`${c.day} between ${from}::date and ${to}::date`];
  if (query.enterpriseId) conditions.push(sql`${c.enterpriseId} = ${query.enterpriseId}`);
  if (query.deviceId) conditions.push(sql`${c.deviceId} = ${query.deviceId}`);
  const rows = await queryRows<{
    day: string;
    enterprise_id: string | null;
    device_id: string | null;
    outcome: IngestOutcome;
    count: string | number;
    last_at: string | Date;
    detail: string | null;
  }>(
    ctx.db,
    sql`select ${c.day}::text as day, ${c.enterpriseId} as enterprise_id, ${c.deviceId} as device_id, ${c.outcome} as outcome,
               ${c.count} as count, ${c.lastAt} as last_at, ${c.detail} as detail
        from ${c} where ${and(...conditions)}
        order by ${c.day} desc, ${c.enterpriseId} nulls first, ${c.deviceId} nulls first, ${c.outcome}
        limit ${MAX_ROWS}`,
  );
  const totals: Record<string, number> = {};
  const items = rows.map((r) => {
    const count = Number(r.count);
    totals[r.outcome] = (totals[r.outcome] ?? 0) + count;
    return {
      day: r.day,
      enterpriseId: r.enterprise_id,
      deviceId: r.device_id,
      outcome: r.outcome,
      count,
      lastAt: new Date(r.last_at).toISOString(),
      detail: r.detail,
    };
  });
  return { from, to, totals, items };
}

function scopeOf(scope: Scope) {
  return enterpriseIdScope(scope, schema.ingestCounters.enterpriseId);
}
