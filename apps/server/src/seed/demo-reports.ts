import { DEFAULT_REWARD_SCALE, type EmployeeReportStatus } from '@zhiben/contracts';
import { schema, type Tx } from '@zhiben/db';
import { asc, eq, inArray, ne } from 'drizzle-orm';
import { newReportToken } from '../modules/employee-reports/codes.js';
import { upsertHazardFromFinding } from '../modules/hazards/index.js';

/**
 * Demo employee hazard reports (员工报告隐患奖励) with rewards: at the demo accounts' enterprise one report waiting
 * for the safety manager, rewards paid and awarded, one 不属实 and one 重复, one signed in by the `staff` account;
 * and a few at other demo enterprises. Reports found 属实 have their linked hazard, created the way verification
 * creates it. Receipt codes are fixed (DEM00-0000n) so the receipt page can be tried at once; tokens are random.
 */

const DAY = 86_400_000;

interface DemoReport {
  /** Days before the seeding instant. */
  daysAgo: number;
  description: string;
  location: string;
  phone?: string;
  /** Reported by the signed-in demo `staff` account. */
  byStaff?: boolean;
  status: EmployeeReportStatus;
  verifiedDaysAgo?: number;
  note?: string;
  grade?: string;
  /** Days before the seeding instant the reward was paid; omitted = awarded, not yet paid. */
  paidDaysAgo?: number;
}

const OWN: DemoReport[] = [
  {
    daysAgo: 2,
    description: '喷漆房排风机皮带断裂，风机停转，室内有明显油漆味',
    location: '喷漆房',
    phone: '13903551234',
    status: 'submitted',
  },
  {
    daysAgo: 12,
    description: '二车间东侧配电箱门未关闭，箱内有裸露线头',
    location: '二车间东侧',
    byStaff: true,
    status: 'confirmed',
    verifiedDaysAgo: 11,
    note: '现场核实属实，已通知电工处理',
    grade: '一般',
    paidDaysAgo: 5,
  },
  {
    daysAgo: 20,
    description: '成品仓库安全出口被纸箱堵住，应急照明灯不亮',
    location: '成品仓库',
    status: 'confirmed',
    verifiedDaysAgo: 19,
    note: '属实，安全出口堵塞',
    grade: '较大',
  },
  {
    daysAgo: 15,
    description: '食堂燃气管道有异味',
    location: '职工食堂',
    phone: '13603557788',
    status: 'rejected',
    verifiedDaysAgo: 14,
    note: '燃气公司检测无泄漏，异味来自下水道',
  },
  {
    daysAgo: 8,
    description: '二车间配电箱门一直开着',
    location: '二车间',
    status: 'duplicate',
    verifiedDaysAgo: 7,
    note: '与 12 天前的报告为同一隐患',
  },
];

const OTHERS: DemoReport[][] = [
  [
    {
      daysAgo: 25,
      description: '除尘器泄爆口正对人员通道',
      location: '抛光车间外',
      status: 'confirmed',
      verifiedDaysAgo: 23,
      note: '属实，已列入整改',
      grade: '重大',
      paidDaysAgo: 10,
    },
    { daysAgo: 1, description: '叉车倒车报警器不响', location: '原料库', phone: '15803551111', status: 'submitted' },
  ],
  [
    {
      daysAgo: 6,
      description: '行车钢丝绳有断股',
      location: '三号跨',
      status: 'confirmed',
      verifiedDaysAgo: 5,
      note: '属实',
      grade: '较大',
      paidDaysAgo: 2,
    },
  ],
  [{ daysAgo: 4, description: '有人在车间内吸烟', location: '包装车间', status: 'rejected', verifiedDaysAgo: 3, note: '未发现' }],
];

export async function seedDemoReports(tx: Tx, options: { now: Date; demoEnterpriseId: string }): Promise<void> {
  const { now, demoEnterpriseId } = options;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const accounts = await tx
    .select({ id: schema.users.id, username: schema.users.username })
    .from(schema.users)
    .where(inArray(schema.users.username, ['staff', 'safety']));
  const idOf = (username: string) => accounts.find((a) => a.username === username)?.id ?? null;
  const others = await tx
    .select({ id: schema.enterprises.id })
    .from(schema.enterprises)
    .where(ne(schema.enterprises.id, demoEnterpriseId))
    .orderBy(asc(schema.enterprises.creditCode))
    .limit(OTHERS.length);
  const plan: [string, DemoReport[]][] = [
    [demoEnterpriseId, OWN],
    ...others.map((e, i): [string, DemoReport[]] => [e.id, OTHERS[i] ?? []]),
  ];

  let n = 0;
  for (const [enterpriseId, reports] of plan) {
    const [enterprise] = await tx
      .select({ regionPath: schema.enterprises.regionPath })
      .from(schema.enterprises)
      .where(eq(schema.enterprises.id, enterpriseId));
    if (!enterprise) continue;
    await tx
      .insert(schema.reportSettings)
      .values({ enterpriseId, token: newReportToken(), rewardScale: DEFAULT_REWARD_SCALE, updatedAt: now })
      .onConflictDoNothing();
    for (const r of reports) {
      n += 1;
      const own = enterpriseId === demoEnterpriseId;
      const [row] = await tx
        .insert(schema.employeeReports)
        .values({
          enterpriseId,
          regionPath: enterprise.regionPath,
          receiptCode: `DEM00-${String(n).padStart(5, '0')}`,
          reporterUserId: r.byStaff ? idOf('staff') : null,
          reporterPhone: r.phone ?? null,
          description: r.description,
          location: r.location,
          status: r.status,
          verifiedBy: r.verifiedDaysAgo !== undefined && own ? idOf('safety') : null,
          verifiedAt: r.verifiedDaysAgo !== undefined ? at(r.verifiedDaysAgo) : null,
          verificationNote: r.note ?? null,
          createdAt: at(r.daysAgo),
        })
        .onConflictDoNothing({ target: schema.employeeReports.receiptCode })
        .returning({ id: schema.employeeReports.id });
      if (!row || r.status !== 'confirmed') continue;
      const hazard = await upsertHazardFromFinding(tx, {
        enterpriseId,
        regionPath: enterprise.regionPath,
        source: 'employee_report',
        sourceRef: row.id,
        level: 'general',
        description: r.description,
        location: r.location,
        photos: [],
        foundBy: null,
        foundAt: at(r.daysAgo),
      });
      const amountFen = DEFAULT_REWARD_SCALE.find((s) => s.grade === r.grade)?.amountFen ?? null;
      await tx
        .update(schema.employeeReports)
        .set({
          hazardId: hazard.id,
          grade: r.grade ?? null,
          rewardFen: r.grade ? amountFen : null,
          rewardPaidAt: r.grade && r.paidDaysAgo !== undefined ? at(r.paidDaysAgo) : null,
        })
        .where(eq(schema.employeeReports.id, row.id));
    }
  }
}
