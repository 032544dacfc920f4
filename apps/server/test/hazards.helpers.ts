import type { ZeroingDto } from '@zhiben/contracts';
import { type Executor, queryRows } from '@zhiben/db';
import { type SQL, sql } from 'drizzle-orm';
import { expect } from 'vitest';

/**
 * The 动态清零 numbers counted again with plain SQL, written independently of the service: the periods come from
 * PostgreSQL's own time-zone arithmetic (not the domain helpers), each number is its own query, and "dismissed"
 * is spelled as NOT IN. `scope` is a condition on `h` (hazards) and `e` (enterprises).
 */
export async function boardBySql(db: Executor, scope: SQL, asOf: string) {
  const now = sql`${asOf}::timestamptz`;
  const monthStart = sql`(date_trunc('month', ${now} at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai')`;
  const monthEnd = sql`((date_trunc('month', ${now} at time zone 'Asia/Shanghai') + interval '1 month') at time zone 'Asia/Shanghai')`;
  const yearStart = sql`(date_trunc('year', ${now} at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai')`;
  const yearEnd = sql`((date_trunc('year', ${now} at time zone 'Asia/Shanghai') + interval '1 year') at time zone 'Asia/Shanghai')`;
  const real = sql`h.id not in (select hazard_id from hazard_events where action = 'dismiss')`;
  const from = sql`from hazards h join enterprises e on e.id = h.enterprise_id where (${scope})`;
  const count = async (where: SQL) => {
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n ${from} and ${where}`);
    return Number(row?.n ?? 0);
  };
  const major = sql`h.level = 'major'`;
  const open = sql`h.status <> 'closed'`;
  const [avg] = await queryRows<{ d: string | null }>(
    db,
    sql`select round((avg(extract(epoch from h.closed_at - h.found_at)) / 86400)::numeric, 1)::text as d ${from}
        and ${major} and h.status = 'closed' and ${real} and h.closed_at >= ${yearStart} and h.closed_at < ${yearEnd}`,
  );
  const summary = {
    openMajor: await count(sql`${major} and ${open}`),
    pendingJudgement: await count(sql`${major} and h.status = 'pending_judgement'`),
    openedThisMonth: await count(sql`${major} and ${real} and h.found_at >= ${monthStart} and h.found_at < ${monthEnd}`),
    closedThisMonth: await count(
      sql`${major} and h.status = 'closed' and ${real} and h.closed_at >= ${monthStart} and h.closed_at < ${monthEnd}`,
    ),
    openedThisYear: await count(sql`${major} and ${real} and h.found_at >= ${yearStart} and h.found_at < ${yearEnd}`),
    closedThisYear: await count(
      sql`${major} and h.status = 'closed' and ${real} and h.closed_at >= ${yearStart} and h.closed_at < ${yearEnd}`,
    ),
    overdue: await count(sql`${major} and ${open} and h.deadline < ${now}`),
    supervised: await count(sql`${major} and ${open} and h.supervised`),
    averageDaysToClose: avg?.d === null || avg?.d === undefined ? null : Number(avg.d),
    openGeneral: await count(sql`h.level = 'general' and ${open}`),
    overdueGeneral: await count(sql`h.level = 'general' and ${open} and h.deadline < ${now}`),
  };
  const grouped = async (key: SQL) =>
    Object.fromEntries(
      (
        await queryRows<{ k: string; n: number }>(
          db,
          sql`select ${key} as k, count(*)::int as n from hazards h join enterprises e on e.id = h.enterprise_id
              left join standard_items si on si.id = h.standard_item_id
              where (${scope}) and ${major} and ${open} group by 1`,
        )
      ).map((r) => [String(r.k), Number(r.n)]),
    );
  return {
    summary,
    openBySector: await grouped(sql`coalesce(e.sector, 'none')`),
    openByRegion: await grouped(sql`e.region_id::text`),
    openByArticle: await grouped(sql`coalesce(si.article::text, 'none')`),
    openByEnterprise: await grouped(sql`h.enterprise_id::text`),
    supervisedOpen: (await queryRows<{ id: string }>(db, sql`select h.id::text as id ${from} and h.supervised and ${open}`))
      .map((r) => r.id)
      .sort(),
  };
}

type Board = ZeroingDto;

/** The board's numbers in the shape of boardBySql (rows without open hazards dropped from the "open" maps). */
export function boardNumbers(board: Board) {
  const openOf = (rows: Board['bySector']) => Object.fromEntries(rows.filter((r) => r.open > 0).map((r) => [r.key, r.open]));
  return {
    summary: board.summary,
    openBySector: openOf(board.bySector),
    openByRegion: openOf(board.byRegion),
    openByArticle: openOf(board.byArticle),
    openByEnterprise: Object.fromEntries(board.enterprises.map((e) => [e.enterpriseId, e.open])),
    supervisedOpen: board.supervision.map((s) => s.hazardId).sort(),
  };
}

/**
 * Board vs SQL on a database other test files may write to at the same time (PostgreSQL runs): read the board
 * twice around the SQL count and compare only when nothing moved in between.
 */
export async function expectBoardMatchesSql(fetchBoard: () => Promise<Board>, db: Executor, scope: SQL) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const first = await fetchBoard();
    const counted = await boardBySql(db, scope, first.asOf);
    const second = await fetchBoard();
    if (JSON.stringify(boardNumbers(first)) !== JSON.stringify(boardNumbers(second))) continue;
    expect(boardNumbers(first)).toEqual(counted);
    return first;
  }
  throw new Error('the board kept changing while it was compared');
}
