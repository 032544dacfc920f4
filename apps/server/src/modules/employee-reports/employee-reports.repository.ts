import {
  EMPLOYEE_REPORT_STATUS_LABELS,
  type EmployeeReportDto,
  type EmployeeReportListQuery,
  type EmployeeReportStatus,
  type Scope,
} from '@zhiben/contracts';
import { type Executor, schema } from '@zhiben/db';
import { and, desc, eq, gte, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { iso, likeContains, orderBy, pageOf } from '../../platform/listing.js';
import { enterpriseScope } from '../../platform/scope.js';
import { maskReceiptCode } from './codes.js';

const { employeeReports: reports, enterprises, regions } = schema;
const reporter = alias(schema.users, 'reporter');
const verifier = alias(schema.users, 'verifier');

/**
 * Who is reading decides what is selected: without `reports.read_identity` the reporter's name, id and phone
 * are never even read from the database, so no later mapping mistake can leak them.
 */
export interface Reader {
  scope: Scope;
  identity: boolean;
}

function selection(identity: boolean) {
  return {
    report: {
      id: reports.id,
      enterpriseId: reports.enterpriseId,
      receiptCode: reports.receiptCode,
      description: reports.description,
      location: reports.location,
      photos: reports.photos,
      status: reports.status,
      grade: reports.grade,
      rewardFen: reports.rewardFen,
      rewardPaidAt: reports.rewardPaidAt,
      hazardId: reports.hazardId,
      verifiedAt: reports.verifiedAt,
      verificationNote: reports.verificationNote,
      createdAt: reports.createdAt,
    },
    enterpriseName: enterprises.name,
    regionName: regions.name,
    verifiedByName: verifier.displayName,
    reporterUserId: identity ? reports.reporterUserId : sql<string | null>`null`,
    reporterName: identity ? reporter.displayName : sql<string | null>`null`,
    reporterPhone: identity ? reports.reporterPhone : sql<string | null>`null`,
  };
}

function baseQuery(db: Executor, identity: boolean) {
  return db
    .select(selection(identity))
    .from(reports)
    .innerJoin(enterprises, eq(enterprises.id, reports.enterpriseId))
    .innerJoin(regions, eq(regions.id, enterprises.regionId))
    .leftJoin(verifier, eq(verifier.id, reports.verifiedBy))
    .leftJoin(reporter, eq(reporter.id, reports.reporterUserId));
}

export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

const inScope = (scope: Scope) => enterpriseScope(scope, { enterpriseId: reports.enterpriseId, regionPath: reports.regionPath });

export async function findReport(db: Executor, reader: Reader, id: string) {
  const [row] = await baseQuery(db, reader.identity)
    .where(and(eq(reports.id, id), inScope(reader.scope)))
    .limit(1);
  return row;
}

/** 00:00 in Asia/Shanghai of `day` plus `plusDays` days, as an instant. */
function shanghaiMidnight(day: string, plusDays: number): Date {
  return new Date(new Date(`${day}T00:00:00+08:00`).getTime() + plusDays * 86_400_000);
}

export async function listReports(db: Executor, reader: Reader, query: EmployeeReportListQuery) {
  const conditions: (SQL | undefined)[] = [inScope(reader.scope)];
  if (query.enterpriseId) conditions.push(eq(reports.enterpriseId, query.enterpriseId));
  if (query.status) conditions.push(eq(reports.status, query.status));
  if (query.grade) conditions.push(eq(reports.grade, query.grade));
  // Days are Shanghai days (UI.md): the bounds are local midnights.
  if (query.from) conditions.push(gte(reports.createdAt, shanghaiMidnight(query.from, 0)));
  if (query.to) conditions.push(lt(reports.createdAt, shanghaiMidnight(query.to, 1)));
  if (query.q) conditions.push(or(ilike(reports.description, likeContains(query.q)), ilike(reports.location, likeContains(query.q))));
  const where = and(...conditions);
  const { limit, offset } = pageOf(query);
  const order = orderBy(query.sort, { createdAt: reports.createdAt, status: reports.status, rewardFen: reports.rewardFen }, [
    desc(reports.createdAt),
    desc(reports.id),
  ]);
  const [rows, [count]] = await Promise.all([
    baseQuery(db, reader.identity)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(reports).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export function toReportDto(row: ReportRow, reader: Reader, abilities: EmployeeReportDto['abilities']): EmployeeReportDto {
  const { report } = row;
  const status = report.status as EmployeeReportStatus;
  return {
    id: report.id,
    enterpriseId: report.enterpriseId,
    enterpriseName: row.enterpriseName,
    regionName: row.regionName,
    receiptCode: reader.identity ? report.receiptCode : maskReceiptCode(report.receiptCode),
    description: report.description,
    location: report.location,
    photos: report.photos,
    status,
    statusLabel: EMPLOYEE_REPORT_STATUS_LABELS[status],
    grade: report.grade,
    rewardFen: report.rewardFen,
    rewardPaidAt: iso(report.rewardPaidAt),
    hazardId: report.hazardId,
    verifiedAt: iso(report.verifiedAt),
    verifiedByName: row.verifiedByName,
    verificationNote: report.verificationNote,
    createdAt: report.createdAt.toISOString(),
    identityHidden: !reader.identity,
    reporterUserId: reader.identity ? row.reporterUserId : null,
    reporterName: reader.identity ? row.reporterName : null,
    reporterPhone: reader.identity ? row.reporterPhone : null,
    abilities,
  };
}
