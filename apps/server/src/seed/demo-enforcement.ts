import { permissionsOf, type Role } from '@zhiben/contracts';
import { type Db, schema, type Tx } from '@zhiben/db';
import { shanghaiDate, shanghaiParts } from '@zhiben/domain';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { recomputeClasses } from '../modules/classification/recompute.js';
import * as cases from '../modules/enforcement/cases.service.js';
import { createMeasure } from '../modules/enforcement/measures.service.js';
import * as orders from '../modules/enforcement/orders.service.js';
import { createPatrol } from '../modules/enforcement/patrols.service.js';
import { approvePlan, generatePlan } from '../modules/enforcement/plans.service.js';
import { officerCertificates } from '../modules/enforcement/tables.js';
import * as tasks from '../modules/enforcement/tasks.service.js';
import { checklistFor } from '../modules/self-inspection/checklist.service.js';
import type { ServiceContext } from '../platform/context.js';

/**
 * Demo enforcement (issue #7): classes for every demo enterprise, an approved plan for this year and a draft for the
 * next, tasks in every state — a closed inspection, one 整改中 with an overdue order and a 一案双罚 case, an
 * announced one next week, an online patrol — and, for the browser journey, an unannounced (四不两直) task on the
 * demo foundry 山西上党荫城铸造有限公司 ready to start. Written through the services (with their audit rows and
 * documents), each step at a fixed offset before the seeding instant, so the demo always shows a history the
 * platform itself produced.
 *
 * DEMO MODE ONLY. Two accounts are added with the demo password: `officer2` (a second law-enforcement officer — an
 * inspection needs two, 行政处罚法 第四十二条) and `foundry` (principal of the demo foundry, who reports its
 * rectification in the journey). Certificates of `officer` and `officer2` are registered.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
export const DEMO_FOUNDRY_NAME = '山西上党荫城铸造有限公司';
/** The demo enterprise with the 整改中 task, the overdue order and the 一案双罚 case. */
const DEMO_CASE_ENTERPRISE = '长治市上党区华强压铸有限公司';
const DEMO_CLOSED_ENTERPRISE = '长治市上党区铁府铸造有限公司';
const DEMO_ANNOUNCED_ENTERPRISE = '长治市上党区恒通球墨铸管有限公司';

export const DEMO_ENFORCEMENT_ACCOUNTS: { username: string; displayName: string; role: Role; enterprise?: string }[] = [
  { username: 'officer2', displayName: '李志刚（执法大队）', role: 'bureau_officer' },
  { username: 'foundry', displayName: '郭铁生', role: 'enterprise_principal', enterprise: DEMO_FOUNDRY_NAME },
];

type User = { id: string; username: string; displayName: string; role: string };

/** A service context acting as `user` at `at` inside the seeding transaction (nested mutations are savepoints). */
function actingAs(tx: Tx, user: User, at: Date): ServiceContext {
  const role = user.role as Role;
  return {
    db: tx as unknown as Db,
    clock: () => at,
    principal: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role,
      permissions: permissionsOf(role),
      scope: { kind: 'all' },
      sessionId: 'seed',
      csrfToken: '',
      mustChangePassword: false,
    },
    actor: { actorId: user.id, actorUsername: user.username, requestId: null, ip: null },
  };
}

async function userByName(tx: Tx, username: string): Promise<User> {
  const { users } = schema;
  const [row] = await tx
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role })
    .from(users)
    .where(eq(users.username, username));
  if (!row) throw new Error(`demo account ${username} missing`);
  return row;
}

async function enterpriseByName(tx: Tx, name: string) {
  const [row] = await tx.select().from(schema.enterprises).where(eq(schema.enterprises.name, name));
  if (!row) throw new Error(`demo enterprise ${name} missing`);
  return row;
}

export async function seedDemoEnforcement(tx: Tx, options: { now: Date; passwordHash: string }): Promise<void> {
  const { now } = options;
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
  const year = shanghaiParts(now).year;

  for (const account of DEMO_ENFORCEMENT_ACCOUNTS) {
    const enterpriseId = account.enterprise ? (await enterpriseByName(tx, account.enterprise)).id : null;
    await tx
      .insert(schema.users)
      .values({
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        passwordHash: options.passwordHash,
        enterpriseId,
        mustChangePassword: false,
      })
      .onConflictDoNothing();
  }
  const [officer, officer2, leader] = await Promise.all([userByName(tx, 'officer'), userByName(tx, 'officer2'), userByName(tx, 'leader')]);
  await tx
    .insert(officerCertificates)
    .values([
      { userId: officer.id, certificateNo: '14040420001', validUntil: `${year + 2}-12-31` },
      { userId: officer2.id, certificateNo: '14040420002', validUntil: `${year + 2}-12-31` },
    ])
    .onConflictDoNothing();

  // Every demo enterprise classified from the demo hazards and profiles, before the plan draws on the classes.
  await recomputeClasses(tx, { now: at(-40 * DAY), trigger: 'nightly', actor: { id: null, name: '系统' } });

  const plan = await generatePlan(actingAs(tx, officer, at(-35 * DAY)), { year });
  await approvePlan(actingAs(tx, leader, at(-34 * DAY)), plan.id);
  await generatePlan(actingAs(tx, officer, at(-2 * DAY)), { year: year + 1, title: `${year + 1}年度工贸行业安全生产执法检查计划（草稿）` });
  const planned = new Set(plan.entries.map((e) => e.enterpriseId));
  const source = (enterpriseId: string) =>
    planned.has(enterpriseId) ? { source: 'plan' as const, planId: plan.id } : { source: 'other' as const };
  const officers = [officer.id, officer2.id];

  // A closed inspection a month ago that found nothing (现场检查记录 numbered on closing).
  const closedEnterprise = await enterpriseByName(tx, DEMO_CLOSED_ENTERPRISE);
  const closed = await tasks.create(actingAs(tx, officer, at(-31 * DAY)), {
    enterpriseId: closedEnterprise.id,
    ...source(closedEnterprise.id),
    unannounced: false,
    officerIds: officers,
    plannedDate: shanghaiDate(at(-30 * DAY)),
    note: null,
  });
  await tasks.start(actingAs(tx, officer, at(-30 * DAY)), closed.id, {});
  await orders.close(actingAs(tx, officer, at(-30 * DAY + 2 * HOUR)), closed.id, { note: '现场检查未发现安全生产违法行为和事故隐患。' });

  // 整改中: two findings (one major, judged on the spot), an order now overdue, and a 一案双罚 case with a 约谈.
  const caseEnterprise = await enterpriseByName(tx, DEMO_CASE_ENTERPRISE);
  const items = (await checklistFor(tx, caseEnterprise)).rows.filter((i) => i.article === 11);
  const major = items[0];
  const rectifying = await tasks.create(actingAs(tx, officer, at(-13 * DAY)), {
    enterpriseId: caseEnterprise.id,
    source: 'complaint',
    sourceRef: '12350-2026-0815',
    unannounced: true,
    officerIds: officers,
    plannedDate: shanghaiDate(at(-12 * DAY)),
    note: '群众举报抛光车间粉尘大、除尘器长期不清灰',
  });
  const inspect = actingAs(tx, officer, at(-12 * DAY));
  await tasks.start(inspect, rectifying.id, { place: '抛光车间、除尘器间' });
  await tasks.addFinding(inspect, rectifying.id, {
    description: major ? `${major.text.replace(/的$/, '')}（3# 除尘器）` : '铝镁粉尘除尘系统未按规定设置锁气卸灰装置',
    location: '抛光车间',
    photos: [],
    standardItemId: major?.id ?? null,
    legalBasis: '《工贸企业粉尘防爆安全规定》第十三条',
    major: major !== undefined,
  });
  await tasks.addFinding(inspect, rectifying.id, {
    description: '粉尘清扫制度未落实，作业现场积尘未及时清理',
    location: '抛光车间',
    photos: [],
    legalBasis: '《工贸企业粉尘防爆安全规定》第十五条',
    major: false,
  });
  const withFindings = await tasks.get(inspect, rectifying.id);
  await orders.issueOrder(actingAs(tx, officer, at(-12 * DAY + 3 * HOUR)), rectifying.id, {
    findingIds: withFindings.findings.map((f) => f.id),
    deadline: shanghaiDate(at(-3 * DAY)),
    legalBasis: '《中华人民共和国安全生产法》第六十五条第一款第（三）项',
    requirements: '立即清理积尘；3# 除尘器加装锁气卸灰装置并经验收合格后方可恢复生产',
  });
  const filed = await cases.createCase(actingAs(tx, officer, at(-2 * DAY)), {
    enterpriseId: caseEnterprise.id,
    taskId: rectifying.id,
    facts: '经复查，该单位未在责令限期整改指令书规定的期限内消除铝镁粉尘除尘系统重大事故隐患。',
    legalBasis: '《中华人民共和国安全生产法》第四十一条第二款',
    enterprisePenalty: { types: ['fine'], fineFen: 5_000_000, penaltyBasis: '《中华人民共和国安全生产法》第一百零二条' },
    principalPenalty: {
      principalName: caseEnterprise.principalName ?? '主要负责人',
      types: ['fine'],
      fineFen: 1_000_000,
      penaltyBasis: '《中华人民共和国安全生产法》第九十四条',
    },
  });
  await cases.decideCase(actingAs(tx, officer, at(-1 * DAY)), filed.id, {
    decidedOn: shanghaiDate(at(-1 * DAY)),
    paymentChannel: '长治市上党区财政局非税收入汇缴结算户（电子缴款）',
    evidence: ['现场检查记录', '责令限期整改指令书', '现场照片 6 张', '询问笔录 2 份'],
  });
  await createMeasure(actingAs(tx, officer, at(-1 * DAY + 2 * HOUR)), {
    enterpriseId: caseEnterprise.id,
    kind: 'interview',
    date: shanghaiDate(at(-1 * DAY)),
    subject: '重大事故隐患逾期未整改约谈',
    content: '约谈企业主要负责人，要求立即停止抛光作业、落实整改资金，三日内报送整改方案。',
    attendees: `${caseEnterprise.principalName ?? '主要负责人'}（主要负责人）`,
    caseId: filed.id,
    hazardIds: withFindings.findings.flatMap((f) => (f.hazardId ? [f.hazardId] : [])),
  });

  // Announced, next week.
  const announced = await enterpriseByName(tx, DEMO_ANNOUNCED_ENTERPRISE);
  await tasks.create(actingAs(tx, officer, at(-1 * DAY)), {
    enterpriseId: announced.id,
    ...source(announced.id),
    unannounced: false,
    officerIds: officers,
    plannedDate: shanghaiDate(at(7 * DAY)),
    note: '年度计划内检查：高温熔融金属吊运、煤气使用',
  });

  // The browser journey's task: 四不两直 on the demo foundry, planned today, ready to start.
  const foundry = await enterpriseByName(tx, DEMO_FOUNDRY_NAME);
  await tasks.create(actingAs(tx, officer, at(-1 * DAY)), {
    enterpriseId: foundry.id,
    ...source(foundry.id),
    unannounced: true,
    officerIds: officers,
    plannedDate: shanghaiDate(now),
    note: '“四不两直”检查：熔炼、浇注区域及煤气使用',
  });

  // An online patrol of an operating dust enterprise without findings (线上巡查, closed at once).
  const [patrolled] = await tx
    .select({ id: schema.enterprises.id })
    .from(schema.enterprises)
    .where(
      and(
        ne(schema.enterprises.id, caseEnterprise.id),
        eq(schema.enterprises.status, 'operating'),
        inArray(schema.enterprises.sector, ['light_industry']),
      ),
    )
    .orderBy(asc(schema.enterprises.name))
    .limit(1);
  if (patrolled) {
    await createPatrol(actingAs(tx, officer, at(-5 * DAY)), {
      enterpriseId: patrolled.id,
      coOfficerIds: [],
      note: '线上巡查：监测数据、报警处置、隐患台账和自查记录均正常。',
      findings: [],
    });
  }

  // Tonight's run, early: every class from the facts the demo now has.
  await recomputeClasses(tx, { now, trigger: 'nightly', actor: { id: null, name: '系统' } });
}
