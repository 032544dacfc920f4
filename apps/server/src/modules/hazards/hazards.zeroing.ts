import { SECTOR_LABELS, type Sector, type ZeroingDto } from '@zhiben/contracts';
import { type Executor, queryRows } from '@zhiben/db';
import { monthOf, yearOf } from '@zhiben/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/context.js';
import { at, dismissedSql, hazardScope, overdueSql } from './hazards.repository.js';

/**
 * 动态清零 board. Every count is over the caller's scope (bureau: the district; township officer: his region;
 * enterprise users: their own enterprise). Major hazards unless said otherwise; a record closed as 不构成隐患
 * (dismissed) is not a hazard and counts nowhere. Periods are Asia/Shanghai calendar months and years.
 *
 *   open          level = major and status <> closed
 *   opened (P)    found_at in P, not dismissed
 *   closed (P)    status = closed, closed_at in P, not dismissed
 *   overdue       deadline < now and status <> closed
 *   supervised    supervised and status <> closed
 *   avg days      mean of (closed_at − found_at) in days over the hazards closed this year
 */
function baseRows(scope: ServiceContext['principal']['scope'], now: Date): SQL {
  return sql`select hazards.id, hazards.level, hazards.status, hazards.found_at, hazards.closed_at, hazards.deadline,
                    hazards.supervised, hazards.supervising_unit, hazards.supervision_deadline, hazards.description,
                    hazards.enterprise_id, e.name as enterprise_name, e.sector, e.region_id, r.name as region_name,
                    si.article, si.article_label, si.item_label,
                    ${overdueSql(now)} as overdue, ${dismissedSql} as dismissed
             from hazards
             join enterprises e on e.id = hazards.enterprise_id
             join regions r on r.id = e.region_id
             left join standard_items si on si.id = hazards.standard_item_id
             where ${hazardScope(scope)}`;
}

interface Periods {
  month: { start: Date; end: Date };
  year: { start: Date; end: Date };
}

const within = (column: string, p: { start: Date; end: Date }) =>
  sql`${sql.raw(column)} >= ${at(p.start)} and ${sql.raw(column)} < ${at(p.end)}`;

const int = (v: unknown) => Number(v ?? 0);
const isoOrNull = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

type Breakdown = ZeroingDto['bySector'][number];

async function breakdown(db: Executor, base: SQL, p: Periods, key: SQL, label: SQL): Promise<Breakdown[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with b as (${base})
        select ${key} as key, ${label} as label,
               count(*) filter (where status <> 'closed')::int as open,
               count(*) filter (where overdue)::int as overdue,
               count(*) filter (where not dismissed and ${within('found_at', p.year)})::int as opened,
               count(*) filter (where status = 'closed' and not dismissed and ${within('closed_at', p.year)})::int as closed
        from b where level = 'major'
        group by 1
        having count(*) filter (where status <> 'closed') > 0
            or count(*) filter (where not dismissed and ${within('found_at', p.year)}) > 0
            or count(*) filter (where status = 'closed' and not dismissed and ${within('closed_at', p.year)}) > 0
        order by open desc, overdue desc, key`,
  );
  return rows.map((r) => ({
    key: String(r.key),
    label: String(r.label),
    open: int(r.open),
    overdue: int(r.overdue),
    openedThisYear: int(r.opened),
    closedThisYear: int(r.closed),
  }));
}

export async function zeroingBoard(ctx: ServiceContext): Promise<ZeroingDto> {
  const now = ctx.clock();
  const month = monthOf(now);
  const year = yearOf(now);
  const p: Periods = { month, year };
  const db = ctx.db;
  const base = baseRows(ctx.principal.scope, now);

  const [summaryRows, bySector, byRegion, byArticle, enterpriseRows, supervisionRows] = await Promise.all([
    queryRows<Record<string, unknown>>(
      db,
      sql`with b as (${base})
          select
            count(*) filter (where level = 'major' and status <> 'closed')::int as open_major,
            count(*) filter (where level = 'major' and status = 'pending_judgement')::int as pending_judgement,
            count(*) filter (where level = 'major' and not dismissed and ${within('found_at', month)})::int as opened_month,
            count(*) filter (where level = 'major' and status = 'closed' and not dismissed and ${within('closed_at', month)})::int as closed_month,
            count(*) filter (where level = 'major' and not dismissed and ${within('found_at', year)})::int as opened_year,
            count(*) filter (where level = 'major' and status = 'closed' and not dismissed and ${within('closed_at', year)})::int as closed_year,
            count(*) filter (where level = 'major' and overdue)::int as overdue,
            count(*) filter (where level = 'major' and supervised and status <> 'closed')::int as supervised,
            avg(extract(epoch from (closed_at - found_at)) / 86400.0)
              filter (where level = 'major' and status = 'closed' and not dismissed and ${within('closed_at', year)}) as avg_days,
            count(*) filter (where level = 'general' and status <> 'closed')::int as open_general,
            count(*) filter (where level = 'general' and overdue)::int as overdue_general
          from b`,
    ),
    breakdown(db, base, p, sql`coalesce(sector, 'none')`, sql`coalesce(sector, 'none')`),
    breakdown(db, base, p, sql`region_id::text`, sql`min(region_name)`),
    breakdown(db, base, p, sql`coalesce(article::text, 'none')`, sql`coalesce(min(article_label), '未关联条款')`),
    queryRows<Record<string, unknown>>(
      db,
      sql`with b as (${base})
          select enterprise_id, min(enterprise_name) as enterprise_name, min(region_name) as region_name, min(sector) as sector,
                 count(*)::int as open, count(*) filter (where overdue)::int as overdue,
                 count(*) filter (where supervised)::int as supervised, min(deadline) as nearest_deadline
          from b where level = 'major' and status <> 'closed'
          group by enterprise_id
          order by overdue desc, open desc, enterprise_name`,
    ),
    queryRows<Record<string, unknown>>(
      db,
      sql`with b as (${base})
          select id, enterprise_name, region_name, description, status, article_label, item_label, supervising_unit,
                 supervision_deadline, deadline, overdue,
                 (supervision_deadline is not null and supervision_deadline < ${at(now)}) as supervision_overdue
          from b where supervised and status <> 'closed'
          order by supervision_deadline nulls last, enterprise_name`,
    ),
  ]);
  const s = summaryRows[0] ?? {};
  const avg = s.avg_days === null || s.avg_days === undefined ? null : Math.round(Number(s.avg_days) * 10) / 10;
  const sectorLabel = (key: string) => SECTOR_LABELS[key as Sector] ?? '未分类';
  return {
    asOf: now.toISOString(),
    timezone: 'Asia/Shanghai',
    month: { label: month.label, start: month.start.toISOString(), end: month.end.toISOString() },
    year: { label: year.label, start: year.start.toISOString(), end: year.end.toISOString() },
    summary: {
      openMajor: int(s.open_major),
      pendingJudgement: int(s.pending_judgement),
      openedThisMonth: int(s.opened_month),
      closedThisMonth: int(s.closed_month),
      openedThisYear: int(s.opened_year),
      closedThisYear: int(s.closed_year),
      overdue: int(s.overdue),
      supervised: int(s.supervised),
      averageDaysToClose: avg,
      openGeneral: int(s.open_general),
      overdueGeneral: int(s.overdue_general),
    },
    bySector: bySector.map((r) => ({ ...r, label: sectorLabel(r.key) })),
    byRegion,
    byArticle,
    enterprises: enterpriseRows.map((r) => ({
      enterpriseId: String(r.enterprise_id),
      enterpriseName: String(r.enterprise_name),
      regionName: String(r.region_name),
      sector: (r.sector as Sector | null) ?? null,
      open: int(r.open),
      overdue: int(r.overdue),
      supervised: int(r.supervised),
      nearestDeadline: isoOrNull(r.nearest_deadline),
    })),
    supervision: supervisionRows.map((r) => ({
      hazardId: String(r.id),
      enterpriseName: String(r.enterprise_name),
      regionName: String(r.region_name),
      description: String(r.description),
      status: r.status as ZeroingDto['supervision'][number]['status'],
      standardItemLabel: r.article_label ? `${r.article_label}${r.item_label ?? ''}` : null,
      supervisingUnit: (r.supervising_unit as string | null) ?? null,
      supervisionDeadline: isoOrNull(r.supervision_deadline),
      deadline: isoOrNull(r.deadline),
      overdue: Boolean(r.overdue),
      supervisionOverdue: Boolean(r.supervision_overdue),
    })),
  };
}
