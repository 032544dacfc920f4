import type {
  CaseDto,
  CaseListQuery,
  CaseStatus,
  CreateCaseBody,
  DecideCaseBody,
  ListResult,
  PaymentStatus,
  PenaltyType,
  RecordPaymentBody,
} from '@zhiben/contracts';
import { type Executor, schema } from '@zhiben/db';
import { endOfShanghaiDay, shanghaiDate } from '@zhiben/domain';
import { and, asc, desc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { likeContains, pageOf } from '../../platform/listing.js';
import { can } from '../../platform/principal.js';
import { enterpriseScope } from '../../platform/scope.js';
import { reclassify } from '../classification/recompute.js';
import { findEnterprise } from '../enterprises/enterprises.repository.js';
import { invalid } from '../hazards/hazards.service.js';
import { documentEnterprise, issueDocument } from './documents/issue.js';
import { caseLink, notifyEnterprise } from './notify.js';
import { enforcementCases, enforcementDocuments, inspectionTasks, penaltyDecisions } from './tables.js';
import { taskVisibility, visibleTaskRef } from './tasks.repository.js';

const c = enforcementCases;
const d = penaltyDecisions;

/** 行政处罚法 第六十七条: a fine is paid within 15 days of receiving the decision; later it is overdue (加处罚款). */
const PAYMENT_DAYS = 15;

export function paymentStatusOf(row: typeof d.$inferSelect, today: string): PaymentStatus {
  if (row.fineFen === 0) return 'not_applicable';
  if (row.paidOn) return 'paid';
  if (row.decisionDate) {
    const due = endOfShanghaiDay(row.decisionDate);
    if (due && shanghaiDate(new Date(due.getTime() + PAYMENT_DAYS * 86_400_000)) < today) return 'overdue';
  }
  return 'unpaid';
}

const caseVisibility = (ctx: ServiceContext): SQL =>
  and(
    enterpriseScope(ctx.principal.scope, { enterpriseId: c.enterpriseId, regionPath: c.regionPath }),
    visibleTaskRef(ctx.principal.scope, c.taskId),
  ) as SQL;

async function toDtos(db: Executor, ctx: ServiceContext, rows: (typeof c.$inferSelect & { enterpriseName: string })[]): Promise<CaseDto[]> {
  if (rows.length === 0) return [];
  const decisions = await db
    .select({ decision: d, number: enforcementDocuments.number })
    .from(d)
    .leftJoin(enforcementDocuments, eq(enforcementDocuments.id, d.documentId))
    .where(
      inArray(
        d.caseId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(d.party));
  const today = shanghaiDate(ctx.clock());
  const penalize = can(ctx.principal, 'enforcement.penalize');
  return rows.map((row) => {
    const mine = decisions.filter((x) => x.decision.caseId === row.id);
    const list = mine.map(({ decision, number }) => ({
      party: decision.party as 'enterprise' | 'principal',
      partyName: decision.partyName,
      types: decision.types as PenaltyType[],
      fineFen: decision.fineFen,
      penaltyBasis: decision.penaltyBasis,
      decisionNumber: number ?? null,
      documentId: decision.documentId,
      decisionDate: decision.decisionDate,
      paymentStatus: paymentStatusOf(decision, today),
      paidAt: decision.paidOn,
    }));
    const status = row.status as CaseStatus;
    return {
      id: row.id,
      enterpriseId: row.enterpriseId,
      enterpriseName: row.enterpriseName,
      taskId: row.taskId,
      status,
      facts: row.facts,
      legalBasis: row.legalBasis,
      decisions: list,
      dualPenalty: list.some((x) => x.party === 'principal'),
      createdAt: row.createdAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      closedAt: row.closedAt?.toISOString() ?? null,
      abilities: {
        decide: penalize && status === 'filed',
        recordPayment: penalize && status === 'decided' && list.some((x) => x.paymentStatus === 'unpaid' || x.paymentStatus === 'overdue'),
        close: penalize && status === 'decided' && list.every((x) => x.paymentStatus === 'paid' || x.paymentStatus === 'not_applicable'),
      },
    };
  });
}

const baseSelect = (db: Executor) =>
  db
    .select({ row: c, enterpriseName: schema.enterprises.name })
    .from(c)
    .innerJoin(schema.enterprises, eq(schema.enterprises.id, c.enterpriseId));

export async function listCases(ctx: ServiceContext, query: CaseListQuery): Promise<ListResult<CaseDto>> {
  const where = and(
    caseVisibility(ctx),
    query.status ? eq(c.status, query.status) : undefined,
    query.enterpriseId ? eq(c.enterpriseId, query.enterpriseId) : undefined,
    query.taskId ? eq(c.taskId, query.taskId) : undefined,
    // q: the enterprise's name (the web's search box; a task links to its enterprise's cases this way).
    query.q ? ilike(schema.enterprises.name, likeContains(query.q)) : undefined,
  );
  const { limit, offset } = pageOf(query);
  const [rows, count] = await Promise.all([
    baseSelect(ctx.db).where(where).orderBy(desc(c.createdAt), desc(c.id)).limit(limit).offset(offset),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(c)
      .innerJoin(schema.enterprises, eq(schema.enterprises.id, c.enterpriseId))
      .where(where),
  ]);
  let items = await toDtos(
    ctx.db,
    ctx,
    rows.map((r) => ({ ...r.row, enterpriseName: r.enterpriseName })),
  );
  // Payment status is derived (overdue after 15 days), so it filters after the page is read.
  if (query.paymentStatus) items = items.filter((i) => i.decisions.some((x) => x.paymentStatus === query.paymentStatus));
  return { items, total: query.paymentStatus ? items.length : (count[0]?.n ?? 0) };
}

export async function getCase(ctx: ServiceContext, id: string): Promise<CaseDto> {
  const [row] = await baseSelect(ctx.db).where(and(eq(c.id, id), caseVisibility(ctx)));
  if (!row) throw notFound();
  const [dto] = await toDtos(ctx.db, ctx, [{ ...row.row, enterpriseName: row.enterpriseName }]);
  if (!dto) throw notFound();
  return dto;
}

/**
 * 立案: facts, the provisions violated and the penalty to the enterprise; with `principalPenalty`, also to its
 * principal who failed his duty (一案双罚, seed §三(八)18; 安全生产法 第九十四条、第九十五条 for the principal). A case may
 * come from a task (e.g. a missed deadline, 安全生产法 第一百零二条).
 */
export async function createCase(ctx: ServiceContext, body: CreateCaseBody): Promise<CaseDto> {
  const enterprise = await findEnterprise(ctx.db, ctx.principal.scope, body.enterpriseId);
  if (!enterprise) throw notFound();
  if (body.taskId) {
    const [task] = await ctx.db
      .select({ enterpriseId: inspectionTasks.enterpriseId })
      .from(inspectionTasks)
      .where(and(eq(inspectionTasks.id, body.taskId), taskVisibility(ctx.principal.scope)));
    if (!task || task.enterpriseId !== enterprise.id) throw invalid('taskId', '所选检查任务不属于该企业');
  }
  const id = await mutateAs(ctx, async (tx) => {
    const now = ctx.clock();
    const [row] = await tx
      .insert(c)
      .values({
        enterpriseId: enterprise.id,
        regionPath: enterprise.regionPath,
        taskId: body.taskId ?? null,
        status: 'filed',
        facts: body.facts,
        legalBasis: body.legalBasis,
        createdBy: ctx.principal.userId,
        createdAt: now,
      })
      .returning({ id: c.id });
    if (!row) throw new AppError('INTERNAL');
    const parties = [
      { party: 'enterprise', partyName: enterprise.name, penalty: body.enterprisePenalty },
      ...(body.principalPenalty
        ? [{ party: 'principal', partyName: body.principalPenalty.principalName, penalty: body.principalPenalty }]
        : []),
    ];
    await tx.insert(d).values(
      parties.map((p) => ({
        caseId: row.id,
        enterpriseId: enterprise.id,
        party: p.party,
        partyName: p.partyName,
        types: p.penalty.types,
        fineFen: p.penalty.fineFen,
        penaltyBasis: p.penalty.penaltyBasis,
        paymentStatus: p.penalty.fineFen > 0 ? 'unpaid' : 'not_applicable',
      })),
    );
    return {
      result: row.id,
      audit: {
        action: 'enforcement.case_filed',
        entityType: 'enforcement_case',
        entityId: row.id,
        enterpriseId: enterprise.id,
        regionPath: enterprise.regionPath,
        after: {
          taskId: body.taskId ?? null,
          legalBasis: body.legalBasis,
          parties: parties.map((p) => ({ party: p.party, name: p.partyName, types: p.penalty.types, fineFen: p.penalty.fineFen })),
        },
      },
    };
  });
  return getCase(ctx, id);
}

async function lockCase(ctx: ServiceContext, tx: Executor, id: string) {
  const [row] = await tx
    .select()
    .from(c)
    .where(and(eq(c.id, id), caseVisibility(ctx)))
    .for('update');
  if (!row) throw notFound();
  return row;
}

/**
 * 作出处罚决定: each party's 行政处罚决定书 is numbered and dated (one per party under 一案双罚); the case is
 * decided, counts as a penalty in the enterprise's class from now on, and the enterprise is told.
 */
export async function decideCase(ctx: ServiceContext, id: string, body: DecideCaseBody): Promise<CaseDto> {
  const now = ctx.clock();
  if (body.decidedOn > shanghaiDate(now)) throw invalid('decidedOn', '决定日期不能晚于今天');
  await getCase(ctx, id);
  await mutateAs(ctx, async (tx) => {
    const row = await lockCase(ctx, tx, id);
    if (row.status !== 'filed') throw new AppError('STATE_CONFLICT', '该案件已作出处罚决定', { currentStatus: row.status });
    if (body.decidedOn < shanghaiDate(row.createdAt)) throw invalid('decidedOn', '决定日期不能早于立案日期');
    const enterprise = await findEnterprise(tx, { kind: 'all' }, row.enterpriseId);
    if (!enterprise) throw notFound();
    const decisions = await tx.select().from(d).where(eq(d.caseId, id));
    const numbers: string[] = [];
    // The enterprise's decision first, then the principal's: 一案双罚 numbers them in that order.
    for (const decision of decisions.sort((a, b) => a.party.localeCompare(b.party))) {
      const document = await issueDocument(tx, {
        type: 'penalty_decision',
        now,
        enterpriseId: row.enterpriseId,
        regionPath: row.regionPath,
        taskId: row.taskId,
        caseId: id,
        actorId: ctx.principal.userId,
        render: (number) => ({
          type: 'penalty_decision',
          number,
          party:
            decision.party === 'enterprise'
              ? { kind: 'enterprise', enterprise: documentEnterprise(enterprise) }
              : {
                  kind: 'individual',
                  name: decision.partyName,
                  position: '主要负责人',
                  enterpriseName: enterprise.name,
                  address: enterprise.address,
                },
          facts: row.facts,
          evidence: body.evidence,
          legalBasis: row.legalBasis,
          penaltyBasis: decision.penaltyBasis,
          penalties: decision.types as PenaltyType[],
          fineFen: decision.fineFen,
          paymentChannel: body.paymentChannel ?? null,
          decidedOn: body.decidedOn,
        }),
      });
      numbers.push(document.number);
      await tx.update(d).set({ documentId: document.id, decisionDate: body.decidedOn }).where(eq(d.id, decision.id));
    }
    await tx.update(c).set({ status: 'decided', decidedAt: now }).where(eq(c.id, id));
    await reclassify(tx, row.enterpriseId, now, { id: ctx.principal.userId, name: ctx.principal.displayName });
    await notifyEnterprise(
      tx,
      row.enterpriseId,
      {
        kind: 'enforcement.penalty_decided',
        title: `行政处罚决定书 ${numbers.join('、')}`,
        body: `${enterprise.name}：${row.facts.slice(0, 80)}`,
        link: caseLink(id),
        entityType: 'enforcement_case',
        entityId: id,
        dedupeKey: `case:${id}:decided`,
      },
      ctx.principal.userId,
    );
    return {
      result: undefined,
      audit: {
        action: 'enforcement.case_decided',
        entityType: 'enforcement_case',
        entityId: id,
        enterpriseId: row.enterpriseId,
        regionPath: row.regionPath,
        before: { status: 'filed' },
        after: { status: 'decided', decidedOn: body.decidedOn, numbers },
      },
    };
  });
  return getCase(ctx, id);
}

/** 缴纳罚款: the date one party paid (after the decision, not in the future). */
export async function recordPayment(ctx: ServiceContext, id: string, body: RecordPaymentBody): Promise<CaseDto> {
  const now = ctx.clock();
  if (body.paidOn > shanghaiDate(now)) throw invalid('paidOn', '缴款日期不能晚于今天');
  await getCase(ctx, id);
  await mutateAs(ctx, async (tx) => {
    const row = await lockCase(ctx, tx, id);
    if (row.status !== 'decided') throw new AppError('STATE_CONFLICT', '案件尚未作出处罚决定或已结案', { currentStatus: row.status });
    const [decision] = await tx
      .select()
      .from(d)
      .where(and(eq(d.caseId, id), eq(d.party, body.party)));
    if (!decision) throw invalid('party', body.party === 'principal' ? '该案件没有对主要负责人的处罚' : '处罚对象不正确');
    if (decision.fineFen === 0) throw invalid('party', '该处罚没有罚款');
    if (decision.paidOn) throw new AppError('STATE_CONFLICT', '罚款已登记缴纳', { paidOn: decision.paidOn });
    if (decision.decisionDate && body.paidOn < decision.decisionDate) throw invalid('paidOn', '缴款日期不能早于处罚决定日期');
    await tx.update(d).set({ paidOn: body.paidOn, paymentStatus: 'paid' }).where(eq(d.id, decision.id));
    return {
      result: undefined,
      audit: {
        action: 'enforcement.fine_paid',
        entityType: 'enforcement_case',
        entityId: id,
        enterpriseId: row.enterpriseId,
        regionPath: row.regionPath,
        before: { party: body.party, paidOn: null },
        after: { party: body.party, paidOn: body.paidOn, fineFen: decision.fineFen },
      },
    };
  });
  return getCase(ctx, id);
}

/** 结案: once every fine is paid (or there is none). */
export async function closeCase(ctx: ServiceContext, id: string, body: { note?: string | null | undefined }): Promise<CaseDto> {
  const before = await getCase(ctx, id);
  if (before.status !== 'decided') throw new AppError('STATE_CONFLICT', '案件尚未作出处罚决定或已结案', { currentStatus: before.status });
  if (before.decisions.some((x) => x.paymentStatus === 'unpaid' || x.paymentStatus === 'overdue')) {
    throw new AppError('STATE_CONFLICT', '罚款尚未全部缴纳，不能结案');
  }
  await mutateAs(ctx, async (tx) => {
    const row = await lockCase(ctx, tx, id);
    if (row.status !== 'decided') throw new AppError('STATE_CONFLICT', undefined, { currentStatus: row.status });
    await tx.update(c).set({ status: 'closed', closedAt: ctx.clock() }).where(eq(c.id, id));
    return {
      result: undefined,
      audit: {
        action: 'enforcement.case_closed',
        entityType: 'enforcement_case',
        entityId: id,
        enterpriseId: row.enterpriseId,
        regionPath: row.regionPath,
        before: { status: 'decided' },
        after: { status: 'closed', note: body.note ?? null },
      },
    };
  });
  return getCase(ctx, id);
}
