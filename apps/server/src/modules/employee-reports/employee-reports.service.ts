import {
  EMPLOYEE_REPORT_STATUS_LABELS,
  type EmployeeReportDto,
  type EmployeeReportListQuery,
  type EmployeeReportStatus,
  type ListResult,
  OUTCOME_LABELS,
  OUTCOME_STATUS,
  type ReceiptStatusDto,
  type RewardReportBody,
  type RewardScaleEntry,
  type SubmitReportBody,
  VERIFICATION_OUTCOMES,
  type VerificationOutcome,
  type VerifyReportBody,
} from '@zhiben/contracts';
import { type Db, schema, type Tx } from '@zhiben/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { AuditActor } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import { mutate, mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { can } from '../../platform/principal.js';
import { withoutMetadata, writePhotoFile } from '../files/files.service.js';
import { upsertHazardFromFinding } from '../hazards/index.js';
import { notifyUsers } from '../notifications/index.js';
import { newReceiptCode, normalizeReceiptCode, normalizeReportToken } from './codes.js';
import { findReport, listReports, type Reader, type ReportRow, toReportDto } from './employee-reports.repository.js';
import type { ReportPhoto } from './report-form.js';
import { rewardScaleOf } from './settings.service.js';

const { employeeReports: reports, reportSettings, enterprises, users } = schema;

const readerOf = (ctx: ServiceContext): Reader => ({ scope: ctx.principal.scope, identity: can(ctx.principal, 'reports.read_identity') });

function abilitiesOf(ctx: ServiceContext, row: ReportRow): EmployeeReportDto['abilities'] {
  const mayAct = can(ctx.principal, 'reports.verify') && ctx.principal.scope.kind === 'enterprise';
  const status = row.report.status as EmployeeReportStatus;
  return {
    verify: mayAct && status !== 'confirmed',
    reward: mayAct && status === 'confirmed' && row.report.rewardPaidAt === null,
  };
}

export async function list(ctx: ServiceContext, query: EmployeeReportListQuery): Promise<ListResult<EmployeeReportDto>> {
  const reader = readerOf(ctx);
  const { rows, total } = await listReports(ctx.db, reader, query);
  return { items: rows.map((row) => toReportDto(row, reader, abilitiesOf(ctx, row))), total };
}

export async function get(ctx: ServiceContext, id: string): Promise<EmployeeReportDto> {
  const reader = readerOf(ctx);
  const row = await findReport(ctx.db, reader, id);
  if (!row) throw notFound();
  return toReportDto(row, reader, abilitiesOf(ctx, row));
}

// ── the public page ────────────────────────────────────────────────────────────────────────────────────

export interface Submission {
  db: Db;
  clock: Clock;
  filesDir: string;
  actor: AuditActor;
  /** The signed-in reporter (only when the request proved its session with the CSRF token), else null. */
  reporterUserId: string | null;
  ip: string;
  token: string;
  body: SubmitReportBody;
  photos: ReportPhoto[];
}

const unknownToken = () => new AppError('NOT_FOUND', '二维码已失效或不存在，请向企业索取最新的隐患报告二维码');

/**
 * A report from the QR page. The photos go to disk first (by content hash, owned by the enterprise), then the
 * report, its photos' rows, the notification of the principal and safety managers and one audit row are
 * written in one transaction. Answers only the receipt code.
 */
export async function submit(input: Submission): Promise<{ receiptCode: string }> {
  const token = normalizeReportToken(input.token);
  if (!token) throw unknownToken();
  const [target] = await input.db
    .select({ id: enterprises.id, regionPath: enterprises.regionPath })
    .from(reportSettings)
    .innerJoin(enterprises, eq(enterprises.id, reportSettings.enterpriseId))
    .where(eq(reportSettings.token, token));
  if (!target) throw unknownToken();

  const stored: { hash: string; photo: ReportPhoto; size: number }[] = [];
  for (const photo of input.photos) {
    const clean = await withoutMetadata(photo.buffer, photo.mime, photo.name ?? '照片');
    stored.push({ hash: await writePhotoFile(input.filesDir, clean), photo, size: clean.length });
  }
  const hashes = [...new Set(stored.map((s) => s.hash))];
  const now = input.clock();

  return mutate(input.db, input.actor, input.clock, async (tx) => {
    if (stored.length > 0) {
      await tx
        .insert(schema.files)
        .values(
          stored.map(({ hash, photo, size }) => ({
            hash,
            owner: target.id,
            mime: photo.mime,
            size,
            originalName: photo.name?.slice(0, 200) ?? null,
            // Not the reporter: file rows must not become a second way to learn who reported.
            uploadedBy: null,
          })),
        )
        .onConflictDoNothing();
    }
    const report = await insertWithFreshReceipt(tx, {
      enterpriseId: target.id,
      regionPath: target.regionPath,
      reporterUserId: input.reporterUserId,
      reporterPhone: input.body.phone ?? null,
      description: input.body.description,
      location: input.body.location ?? null,
      photos: hashes,
      status: 'submitted',
      ip: input.ip,
      createdAt: now,
    });
    await notifyUsers(tx, {
      userIds: await managersOf(tx, target.id),
      kind: 'employee_report.submitted',
      title: '收到员工隐患报告',
      body: `${input.body.location ? `【${input.body.location}】` : ''}${input.body.description.slice(0, 80)}`,
      link: `/employee-reports/${report.id}`,
      entityType: 'employee_report',
      entityId: report.id,
      dedupeKey: `employee-report:${report.id}:submitted`,
    });
    return {
      result: { receiptCode: report.receiptCode },
      audit: {
        action: 'employee_reports.submitted',
        entityType: 'employee_report',
        entityId: report.id,
        enterpriseId: target.id,
        regionPath: target.regionPath,
        // Neither the phone nor the receipt code: the audit trail outlives the report and is read by more people.
        after: { photos: hashes.length, location: input.body.location ?? null, withPhone: Boolean(input.body.phone) },
      },
    };
  });
}

async function insertWithFreshReceipt(tx: Tx, values: Omit<typeof reports.$inferInsert, 'receiptCode'>) {
  // 50 random bits: a collision is practically impossible, but never an error for the reporter.
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await tx
      .insert(reports)
      .values({ ...values, receiptCode: newReceiptCode() })
      .onConflictDoNothing({ target: reports.receiptCode })
      .returning({ id: reports.id, receiptCode: reports.receiptCode });
    if (row) return row;
  }
  throw new AppError('INTERNAL');
}

/** Active principals and safety managers of an enterprise: they receive new reports. */
async function managersOf(tx: Tx, enterpriseId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.enterpriseId, enterpriseId),
        eq(users.status, 'active'),
        inArray(users.role, ['enterprise_principal', 'enterprise_safety_manager']),
      ),
    );
  return rows.map((r) => r.id);
}

const unknownReceipt = () => new AppError('NOT_FOUND', '回执码不存在，请核对后重新输入');

const outcomeOf = (status: EmployeeReportStatus): VerificationOutcome | null =>
  VERIFICATION_OUTCOMES.find((o) => OUTCOME_STATUS[o] === status) ?? null;

/** The reporter's view through the receipt code: outcome and reward only — no names, notes or photos. */
export async function receipt(db: Db, code: string): Promise<ReceiptStatusDto> {
  const receiptCode = normalizeReceiptCode(code);
  if (!receiptCode) throw unknownReceipt();
  const [row] = await db
    .select({ report: reports, enterpriseName: enterprises.name })
    .from(reports)
    .innerJoin(enterprises, eq(enterprises.id, reports.enterpriseId))
    .where(eq(reports.receiptCode, receiptCode));
  if (!row) throw unknownReceipt();
  const status = row.report.status as EmployeeReportStatus;
  const outcome = outcomeOf(status);
  const confirmed = status === 'confirmed';
  return {
    receiptCode,
    enterpriseName: row.enterpriseName,
    submittedAt: row.report.createdAt.toISOString(),
    status,
    statusLabel: EMPLOYEE_REPORT_STATUS_LABELS[status],
    outcome,
    outcomeLabel: outcome ? OUTCOME_LABELS[outcome] : null,
    verifiedAt: row.report.verifiedAt?.toISOString() ?? null,
    grade: confirmed ? row.report.grade : null,
    rewardFen: confirmed ? row.report.rewardFen : null,
    rewardPaidAt: confirmed ? (row.report.rewardPaidAt?.toISOString() ?? null) : null,
  };
}

// ── verification and reward ───────────────────────────────────────────────────────────────────────────

/** The report, visible to the caller and acted on by its own enterprise only; locked for the transaction. */
async function lockForAction(ctx: ServiceContext, tx: Tx, id: string) {
  const row = await findReport(tx, readerOf(ctx), id);
  if (!row) throw notFound();
  if (ctx.principal.scope.kind !== 'enterprise') throw new AppError('FORBIDDEN', '员工报告由本企业核实和奖励');
  const [locked] = await tx.select().from(reports).where(eq(reports.id, id)).for('update');
  if (!locked) throw notFound();
  return locked;
}

function gradeIn(scale: RewardScaleEntry[], grade: string, field: string): RewardScaleEntry {
  const entry = scale.find((e) => e.grade === grade);
  if (entry) return entry;
  const message = `奖励等级「${grade}」不在本企业奖励标准中，可选：${scale.map((e) => e.grade).join('、')}`;
  throw new AppError('VALIDATION_FAILED', message, { issues: [{ path: ['body', field], message }] });
}

/**
 * 核实: 属实 creates the linked hazard (general, 待判定; the same report always yields the same hazard), 不属实
 * and 重复 close the report without one. A report found 属实 stays so; 不属实 / 重复 may be revised after a
 * second look. A signed-in reporter is told the outcome.
 */
export async function verify(ctx: ServiceContext, id: string, body: VerifyReportBody): Promise<EmployeeReportDto> {
  const now = ctx.clock();
  await mutateAs(ctx, async (tx) => {
    const report = await lockForAction(ctx, tx, id);
    if (report.status === 'confirmed') throw new AppError('STATE_CONFLICT', '该报告已核实为属实，不能重复核实', { status: report.status });
    if (body.grade && body.outcome !== 'true') {
      const message = '只有核实属实的报告才能评定等级';
      throw new AppError('VALIDATION_FAILED', message, { issues: [{ path: ['body', 'grade'], message }] });
    }
    if (body.grade) gradeIn(await rewardScaleOf(tx, report.enterpriseId), body.grade, 'grade');
    const status = OUTCOME_STATUS[body.outcome];
    let hazardId: string | null = null;
    if (status === 'confirmed') {
      const hazard = await upsertHazardFromFinding(tx, {
        enterpriseId: report.enterpriseId,
        regionPath: report.regionPath,
        source: 'employee_report',
        sourceRef: report.id,
        level: 'general',
        description: report.description,
        location: report.location,
        photos: report.photos,
        // The hazard ledger is read by all staff: it must not say who reported.
        foundBy: null,
        foundAt: report.createdAt,
      });
      hazardId = hazard.id;
    }
    await tx
      .update(reports)
      .set({
        status,
        grade: body.grade ?? null,
        hazardId,
        verifiedBy: ctx.principal.userId,
        verifiedAt: now,
        verificationNote: body.note || null,
      })
      .where(eq(reports.id, id));
    if (report.reporterUserId) {
      await notifyUsers(tx, {
        userIds: [report.reporterUserId],
        kind: 'employee_report.verified',
        title: '你报告的隐患已核实',
        body: `核实结果：${OUTCOME_LABELS[body.outcome]}（回执码 ${report.receiptCode}）`,
        entityType: 'employee_report',
        entityId: id,
        dedupeKey: `employee-report:${id}:verified:${status}`,
      });
    }
    return {
      result: null,
      audit: {
        action: 'employee_reports.verified',
        entityType: 'employee_report',
        entityId: id,
        enterpriseId: report.enterpriseId,
        regionPath: report.regionPath,
        before: { status: report.status, grade: report.grade },
        after: { status, grade: body.grade ?? null, hazardId, note: body.note || null },
      },
    };
  });
  return get(ctx, id);
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const shanghaiDate = (d: Date) => new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** A paid date ('2026-11-20' = that day in Asia/Shanghai, or an instant), between the report's day and today. */
function paidAtOf(value: string, submittedAt: Date, now: Date): Date {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value);
  const day = shanghaiDate(at);
  const problem =
    day > shanghaiDate(now) ? '发放日期不能晚于今天' : day < shanghaiDate(submittedAt) ? '发放日期不能早于报告提交日期' : null;
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { issues: [{ path: ['body', 'paidAt'], message: problem }] });
  return at;
}

/**
 * Records the reward of a report found 属实: the amount comes from the enterprise's reward scale by grade (integer
 * fen, fixed when recorded); `paidAt` marks it paid, after which it can no longer change.
 */
export async function reward(ctx: ServiceContext, id: string, body: RewardReportBody): Promise<EmployeeReportDto> {
  const now = ctx.clock();
  await mutateAs(ctx, async (tx) => {
    const report = await lockForAction(ctx, tx, id);
    if (report.status !== 'confirmed') throw new AppError('STATE_CONFLICT', '只有核实属实的报告才能奖励', { status: report.status });
    if (report.rewardPaidAt) throw new AppError('STATE_CONFLICT', '奖励已发放，不能再修改', { status: report.status });
    const entry = gradeIn(await rewardScaleOf(tx, report.enterpriseId), body.grade, 'grade');
    const paidAt = body.paidAt ? paidAtOf(body.paidAt, report.createdAt, now) : null;
    await tx.update(reports).set({ grade: entry.grade, rewardFen: entry.amountFen, rewardPaidAt: paidAt }).where(eq(reports.id, id));
    if (report.reporterUserId) {
      await notifyUsers(tx, {
        userIds: [report.reporterUserId],
        kind: 'employee_report.rewarded',
        title: paidAt ? '隐患报告奖励已发放' : '隐患报告获得奖励',
        body: `等级：${entry.grade}，奖励 ${(entry.amountFen / 100).toFixed(2)} 元（回执码 ${report.receiptCode}）`,
        entityType: 'employee_report',
        entityId: id,
        dedupeKey: `employee-report:${id}:rewarded:${paidAt ? 'paid' : entry.grade}`,
      });
    }
    return {
      result: null,
      audit: {
        action: 'employee_reports.rewarded',
        entityType: 'employee_report',
        entityId: id,
        enterpriseId: report.enterpriseId,
        regionPath: report.regionPath,
        before: { grade: report.grade, rewardFen: report.rewardFen, rewardPaidAt: report.rewardPaidAt },
        after: { grade: entry.grade, rewardFen: entry.amountFen, rewardPaidAt: paidAt },
      },
    };
  });
  return get(ctx, id);
}
