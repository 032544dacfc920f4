import {
  checkHazardTransition,
  HAZARD_TRANSITIONS,
  type HazardAction,
  type HazardLevel,
  type HazardStatus,
  type MajorPlan,
  type Role,
} from '@zhiben/contracts';
import { schema, type Tx } from '@zhiben/db';
import { asc, eq, inArray } from 'drizzle-orm';
import { checklistFor } from '../modules/self-inspection/checklist.service.js';

/**
 * Demo hazards (隐患闭环), written directly with their timelines: every state, some overdue, some 挂牌督办, some
 * published and delisted, spread over the townships; the demo accounts' enterprise has an open, supervised and
 * published major hazard. Deterministic: the same enterprises, texts and offsets every time, relative to the
 * seeding instant so that "overdue" and "this month" mean something on the day the demo starts. Every step is
 * checked against HAZARD_TRANSITIONS, so the demo never shows a history the platform would refuse.
 */

const DAY = 86_400_000;

type Who = 'reporter' | 'safety' | 'principal' | 'staff' | 'bureau';
type Step =
  | { do: 'judge'; at: number; level: HazardLevel; deadline: number; who?: Who }
  | { do: 'supervise'; at: number; deadline: number }
  | { do: 'publish' | 'unpublish'; at: number }
  | { do: 'submit' | 'accept' | 'reject' | 'dismiss' | 'assign'; at: number; who?: Who; note?: string };

interface Scenario {
  /** Suggested level when reported (a standard-item finding is major from the start). */
  level: HazardLevel;
  source: 'self_inspection' | 'bureau_inspection' | 'online_patrol' | 'other';
  /** Days before the seeding instant (negative = past). */
  found: number;
  steps: Step[];
}

const S = (found: number, level: HazardLevel, source: Scenario['source'], steps: Step[]): Scenario => ({ level, source, found, steps });

/** The demo accounts' enterprise: something for every enterprise role to do, and an open major hazard. */
const OWN: Scenario[] = [
  S(-26, 'major', 'bureau_inspection', [
    { do: 'judge', at: -25, level: 'major', deadline: 20 },
    { do: 'supervise', at: -24, deadline: 25 },
    { do: 'publish', at: -23 },
  ]),
  S(-3, 'major', 'self_inspection', []),
  S(-1, 'general', 'other', []),
  S(-20, 'general', 'self_inspection', [{ do: 'judge', at: -19, level: 'general', deadline: -3, who: 'safety' }]),
  S(-9, 'general', 'self_inspection', [
    { do: 'judge', at: -8, level: 'general', deadline: 6, who: 'safety' },
    { do: 'submit', at: -1, who: 'staff', note: '已更换灭火器并张贴检查卡' },
  ]),
  S(-30, 'general', 'self_inspection', [
    { do: 'judge', at: -29, level: 'general', deadline: -20, who: 'safety' },
    { do: 'submit', at: -22, who: 'safety', note: '已清理通道并划定禁放标线' },
    { do: 'accept', at: -21, who: 'principal' },
  ]),
  S(-6, 'general', 'other', [{ do: 'dismiss', at: -5, who: 'safety', note: '经核实为临时检修围挡，不构成隐患' }]),
];

/** Cycled over the other demo enterprises. */
const OTHERS: Scenario[] = [
  S(-70, 'major', 'bureau_inspection', [
    { do: 'judge', at: -68, level: 'major', deadline: -6 },
    { do: 'supervise', at: -60, deadline: 12 },
    { do: 'publish', at: -59 },
  ]),
  S(-14, 'major', 'online_patrol', [{ do: 'judge', at: -12, level: 'major', deadline: 45 }]),
  S(-50, 'general', 'self_inspection', [{ do: 'judge', at: -49, level: 'general', deadline: -10, who: 'safety' }]),
  S(-40, 'major', 'self_inspection', [
    { do: 'judge', at: -38, level: 'major', deadline: 8 },
    { do: 'submit', at: -2, who: 'safety', note: '治理方案各项措施已完成，申请复查验收' },
  ]),
  S(-2, 'general', 'self_inspection', []),
  S(-95, 'major', 'bureau_inspection', [
    { do: 'judge', at: -93, level: 'major', deadline: -40 },
    { do: 'supervise', at: -90, deadline: -35 },
    { do: 'publish', at: -90 },
    { do: 'submit', at: -50, who: 'safety', note: '已完成整改' },
    { do: 'reject', at: -48, who: 'bureau', note: '复查发现泄爆口仍朝向人员通道，退回整改' },
    { do: 'submit', at: -42, who: 'safety', note: '泄爆口已改向并设置警示区' },
    { do: 'accept', at: -41, who: 'bureau' },
    { do: 'unpublish', at: -40 },
  ]),
  S(-18, 'general', 'other', [
    { do: 'judge', at: -17, level: 'general', deadline: 10, who: 'safety' },
    { do: 'submit', at: -4, who: 'safety', note: '已整改' },
    { do: 'reject', at: -3, who: 'principal', note: '照片看不出防护罩已固定，请补充整改' },
  ]),
  S(-1, 'major', 'self_inspection', []),
  S(-33, 'general', 'self_inspection', [
    { do: 'judge', at: -32, level: 'general', deadline: -25, who: 'safety' },
    { do: 'submit', at: -26, who: 'safety', note: '已整改' },
    { do: 'accept', at: -25, who: 'principal' },
  ]),
  S(-25, 'major', 'online_patrol', [
    { do: 'judge', at: -24, level: 'major', deadline: 30 },
    { do: 'submit', at: -8, who: 'safety', note: '已完成整改' },
    { do: 'accept', at: -6, who: 'bureau' },
  ]),
  S(-8, 'general', 'self_inspection', [{ do: 'judge', at: -7, level: 'general', deadline: 14, who: 'safety' }]),
  S(-12, 'general', 'other', [{ do: 'dismiss', at: -11, who: 'safety', note: '复核后属正常作业状态' }]),
  S(-160, 'major', 'bureau_inspection', [
    { do: 'judge', at: -158, level: 'major', deadline: -100 },
    { do: 'publish', at: -150 },
    { do: 'submit', at: -110, who: 'safety', note: '已完成整改' },
    { do: 'accept', at: -104, who: 'bureau' },
  ]),
  S(-55, 'major', 'online_patrol', [
    { do: 'judge', at: -54, level: 'major', deadline: -15 },
    { do: 'supervise', at: -50, deadline: -5 },
  ]),
];

const GENERAL_TEXTS: [string, string][] = [
  ['配电箱门未关闭，箱内接线端子裸露', '配电箱加锁，裸露端子加装绝缘护套，电工每日巡检'],
  ['灭火器压力不足（指针位于红区）', '更换灭火器，建立月度检查卡'],
  ['安全出口指示灯不亮', '更换应急指示灯，每月试验一次'],
  ['消防通道堆放成品包装箱', '清理通道，划定禁放标线，纳入班前检查'],
  ['冲床光电保护装置失灵', '停用冲床，更换光电保护装置并试验合格后使用'],
  ['砂轮机防护罩缺失', '加装防护罩并调整托架间隙'],
  ['员工打磨作业未佩戴防尘口罩', '补发防尘口罩，开展班组培训并纳入考核'],
  ['化学品库房未张贴安全周知卡', '张贴安全周知卡，补齐安全技术说明书'],
  ['行车吊钩防脱装置损坏', '更换防脱装置，吊索具每班点检'],
  ['应急照明灯不能正常启动', '更换蓄电池，每季度放电试验'],
];

const PLAN = (text: string): MajorPlan => ({
  goals: `消除“${text.slice(0, 30)}”重大事故隐患`,
  methods: '停用相关设施，按标准要求完成改造，改造后组织自查复核',
  fundsMaterials: '企业安全生产费用列支，所需材料设备已采购到位',
  organization: '主要负责人任组长，安全管理人员和设备负责人为成员',
  timeline: '按判定的整改期限完成，逐周报告进度',
  safetyMeasures: '整改期间划定警戒区域，停止相关作业，配备应急器材，落实现场监护',
});

const BUREAU_UNIT = '上党区应急管理局';

interface DemoUsers {
  principal: { id: string; name: string };
  safety: { id: string; name: string };
  staff: { id: string; name: string };
  officer: { id: string; name: string };
}

const ROLE_OF: Record<Who, Role> = {
  reporter: 'enterprise_safety_manager',
  safety: 'enterprise_safety_manager',
  principal: 'enterprise_principal',
  staff: 'enterprise_staff',
  bureau: 'bureau_officer',
};

/** Who acts by default: the bureau on major hazards where the table says so, otherwise the safety manager. */
function defaultWho(action: HazardAction, level: HazardLevel): Who {
  if (action === 'supervise' || action === 'publish' || action === 'unpublish') return 'bureau';
  if (level === 'major' && (action === 'judge' || action === 'accept' || action === 'reject' || action === 'dismiss')) return 'bureau';
  if (action === 'accept' || action === 'reject') return 'principal';
  return 'safety';
}

/** Writes the demo hazards and their timelines; returns how many hazards were written. */
export async function seedDemoHazards(tx: Tx, options: { now: Date; demoEnterpriseId: string }): Promise<number> {
  const { now, demoEnterpriseId } = options;
  const day = (offset: number, hour = 10) => new Date(now.getTime() + offset * DAY + (hour - 12) * 3_600_000);

  const accounts = await tx
    .select({ id: schema.users.id, username: schema.users.username, name: schema.users.displayName })
    .from(schema.users)
    .where(inArray(schema.users.username, ['principal', 'safety', 'staff', 'officer']));
  const account = (username: string) => {
    const found = accounts.find((a) => a.username === username);
    if (!found) throw new Error(`demo account ${username} missing`);
    return { id: found.id, name: found.name };
  };
  const users: DemoUsers = {
    principal: account('principal'),
    safety: account('safety'),
    staff: account('staff'),
    officer: account('officer'),
  };

  // The demo accounts' enterprise, then two operating enterprises of every township (by credit code: stable).
  const all = await tx
    .select()
    .from(schema.enterprises)
    .where(eq(schema.enterprises.status, 'operating'))
    .orderBy(asc(schema.enterprises.creditCode));
  const perRegion = new Map<string, number>();
  const others = all.filter((e) => {
    if (e.id === demoEnterpriseId) return false;
    const n = perRegion.get(e.regionId) ?? 0;
    perRegion.set(e.regionId, n + 1);
    return n < 2;
  });
  const own = all.find((e) => e.id === demoEnterpriseId);
  if (!own) throw new Error('demo enterprise missing');
  const plan: { enterprise: typeof own; scenario: Scenario }[] = [
    ...OWN.map((scenario) => ({ enterprise: own, scenario })),
    ...others.map((enterprise, i) => ({ enterprise, scenario: OTHERS[i % OTHERS.length] as Scenario })),
  ];

  const checklists = new Map<string, Awaited<ReturnType<typeof checklistFor>>['rows']>();
  let count = 0;
  for (const [index, { enterprise, scenario }] of plan.entries()) {
    const isOwn = enterprise.id === demoEnterpriseId;
    const person = (who: Who): { id: string | null; name: string } => {
      if (who === 'bureau') return users.officer;
      if (isOwn) return who === 'principal' ? users.principal : who === 'staff' ? users.staff : users.safety;
      return { id: null, name: (who === 'principal' ? enterprise.principalName : enterprise.safetyManagerName) ?? '企业安全管理人员' };
    };

    // A major hazard names an item of the enterprise's current checklist; a general one a plain finding.
    let standardItemId: string | null = null;
    let description: string;
    let measures: string;
    const finalLevel = scenario.steps.find((s) => s.do === 'judge')?.level ?? scenario.level;
    if (finalLevel === 'major') {
      if (!checklists.has(enterprise.id)) checklists.set(enterprise.id, (await checklistFor(tx, enterprise)).rows);
      const rows = checklists.get(enterprise.id) ?? [];
      const item = rows[(index * 7) % Math.max(rows.length, 1)];
      if (!item) continue; // no applicable item: no major hazard for this enterprise
      standardItemId = item.id;
      description = `现场检查发现：${item.text.replace(/的$/, '')}（${item.articleLabel}${item.itemLabel}）`;
      measures = '按治理方案实施改造，完成后申请复查验收';
    } else {
      const [text, fix] = GENERAL_TEXTS[index % GENERAL_TEXTS.length] as [string, string];
      description = text;
      measures = fix;
    }

    const foundAt = day(scenario.found, 9);
    const reporter =
      isOwn && scenario.source === 'other'
        ? person('staff')
        : scenario.source.startsWith('bureau') || scenario.source === 'online_patrol'
          ? person('bureau')
          : person('reporter');
    const hazard: typeof schema.hazards.$inferInsert = {
      enterpriseId: enterprise.id,
      regionPath: enterprise.regionPath,
      source: scenario.source,
      sourceRef: `demo-${index + 1}`,
      level: scenario.level,
      standardItemId: scenario.level === 'major' ? standardItemId : null,
      description,
      location: ['生产车间', '原料库房', '配电室', '成品仓库', '除尘系统'][index % 5] ?? null,
      photos: [],
      status: 'pending_judgement',
      foundBy: reporter.id,
      foundAt,
      createdAt: foundAt,
      updatedAt: foundAt,
    };
    const events: (typeof schema.hazardEvents.$inferInsert)[] = [];
    const event = (
      action: string,
      at: Date,
      from: HazardStatus | null,
      to: HazardStatus,
      who: { id: string | null; name: string },
      extra: Partial<typeof schema.hazardEvents.$inferInsert> = {},
    ) =>
      events.push({
        hazardId: '',
        enterpriseId: enterprise.id,
        action,
        fromStatus: from,
        toStatus: to,
        actorId: who.id,
        actorName: who.name,
        at,
        photos: [],
        ...extra,
      });
    event('reported', foundAt, null, 'pending_judgement', reporter, { data: { source: scenario.source, level: scenario.level } });

    let status: HazardStatus = 'pending_judgement';
    let level: HazardLevel = scenario.level;
    for (const step of scenario.steps) {
      const at = day(step.at, 15);
      const who =
        'who' in step && step.who
          ? step.who
          : defaultWho(step.do, step.do === 'judge' ? (level === 'major' || step.level === 'major' ? 'major' : 'general') : level);
      const checkLevel = step.do === 'judge' && step.level === 'major' ? 'major' : level;
      const check = checkHazardTransition(step.do, status, checkLevel, ROLE_OF[who]);
      if (!check.ok) throw new Error(`demo hazard ${index + 1}: ${step.do} by ${who} refused: ${check.message}`);
      const to: HazardStatus = HAZARD_TRANSITIONS[step.do].to ?? status;
      const actor = person(who);
      const extra: Partial<typeof schema.hazardEvents.$inferInsert> = {};
      switch (step.do) {
        case 'judge': {
          level = step.level;
          const responsible = isOwn ? users.safety : null;
          Object.assign(hazard, {
            level,
            standardItemId: level === 'major' ? standardItemId : null,
            judgedBy: actor.id,
            judgedAt: at,
            responsibleUserId: responsible?.id ?? null,
            responsibleName: responsible ? null : enterprise.safetyManagerName,
            measures,
            fundsFen: level === 'major' ? 50_000_00 + index * 1_000_00 : 800_00 + index * 100_00,
            deadline: day(step.deadline, 23),
            contingencyPlan: level === 'major' ? '整改期间停止相关作业，划定警戒区，配备灭火器材和应急照明，现场专人监护' : null,
            majorPlan: level === 'major' ? PLAN(description) : null,
            productionStopped: level === 'major' && index % 2 === 0,
          });
          extra.data = { level, deadline: (hazard.deadline as Date).toISOString(), fundsFen: hazard.fundsFen };
          break;
        }
        case 'supervise':
          Object.assign(hazard, { supervised: true, supervisingUnit: BUREAU_UNIT, supervisionDeadline: day(step.deadline, 23) });
          extra.data = { supervisingUnit: BUREAU_UNIT, supervisionDeadline: (hazard.supervisionDeadline as Date).toISOString() };
          break;
        case 'publish':
          hazard.publishedAt = at;
          break;
        case 'unpublish':
          extra.data = { delisted: true };
          break;
        case 'dismiss':
          Object.assign(hazard, { judgedBy: actor.id, judgedAt: at });
          extra.data = { dismissed: true };
          break;
        default:
          break;
      }
      if ('note' in step && step.note) extra.note = step.note;
      if (step.do === 'accept') extra.note = level === 'major' ? '复查验收合格，同意销号' : '验收合格';
      if (to === 'closed' && status !== 'closed') hazard.closedAt = at;
      event(step.do, at, status, to, actor, extra);
      status = to;
      hazard.updatedAt = at;
    }
    hazard.status = status;

    const [row] = await tx.insert(schema.hazards).values(hazard).returning({ id: schema.hazards.id });
    if (!row) throw new Error('demo hazard not written');
    await tx.insert(schema.hazardEvents).values(events.map((e) => ({ ...e, hazardId: row.id })));
    count++;
  }
  return count;
}
