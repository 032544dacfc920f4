import { randomBytes } from 'node:crypto';
import {
  type Db,
  DEMO_ACCOUNT_ENTERPRISE_CREDIT_CODE,
  demoEnterprises,
  ESCALATION_RULES,
  HAZARD_STANDARD_2023,
  RISK_TAGS,
  SECTOR_RULE_SET,
  schema,
  seedCatalogs,
  seedEscalationRules,
  seedHazardStandard,
  seedRegions,
  type Tx,
} from '@zhiben/db';
import { eq, sql } from 'drizzle-orm';
import { loadCatalogs, prepareEnterprise } from '../modules/enterprises/enterprises.rules.js';
import type { Clock } from '../platform/clock.js';
import { mutate } from '../platform/context.js';
import { hashPassword } from '../platform/passwords.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.js';
import { seedDemoDevices } from './demo-devices.js';
import { seedDemoEnforcement } from './demo-enforcement.js';
import { seedDemoHazards } from './demo-hazards.js';
import { seedDemoReports } from './demo-reports.js';

export interface SeedOptions {
  demo: boolean;
  adminPassword?: string | undefined;
  clock: Clock;
}

export interface SeedReport {
  /** True when this start created the first accounts (an empty database). */
  created: boolean;
  accounts: { username: string; role: string }[];
  /** Set only when a random admin password was generated; print it once. */
  generatedAdminPassword?: string;
}

const SYSTEM_ACTOR = { actorId: null, actorUsername: 'system', requestId: null, ip: null };

/**
 * First-start seeding, idempotent: the jurisdiction always; accounts only into an empty user table.
 * Demo mode: one account per role with the demo password. Otherwise: a single `admin` whose password comes
 * from ZHIBEN_ADMIN_PASSWORD or is generated and printed once, and must be changed at first login.
 */
export async function seedDatabase(db: Db, options: SeedOptions): Promise<SeedReport> {
  return mutate<SeedReport>(db, SYSTEM_ACTOR, options.clock, async (tx) => {
    const regionIds = await seedRegions(tx);
    await seedCatalogs(tx, { tags: RISK_TAGS, sectorRuleSet: SECTOR_RULE_SET });
    await seedHazardStandard(tx, HAZARD_STANDARD_2023);
    await seedEscalationRules(tx, ESCALATION_RULES);
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(schema.users);
    if (n > 0) {
      return { result: { created: false, accounts: [] }, audit: { action: 'system.started', entityType: 'system', entityId: null } };
    }
    if (!options.demo) {
      const generated = options.adminPassword ? undefined : `Zb-${randomBytes(9).toString('base64url')}`;
      await tx.insert(schema.users).values({
        username: 'admin',
        displayName: '系统管理员',
        role: 'bureau_admin',
        passwordHash: await hashPassword(options.adminPassword ?? generated ?? ''),
        mustChangePassword: true,
      });
      const report: SeedReport = { created: true, accounts: [{ username: 'admin', role: 'bureau_admin' }] };
      if (generated) report.generatedAdminPassword = generated;
      return { result: report, audit: { action: 'system.seeded', entityType: 'system', entityId: null, after: { accounts: ['admin'] } } };
    }

    const enterpriseId = await seedDemoEnterprises(tx);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const account of DEMO_ACCOUNTS) {
      await tx.insert(schema.users).values({
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        passwordHash,
        enterpriseId: account.enterprise ? enterpriseId : null,
        regionId: account.regionCode ? (regionIds.get(account.regionCode) ?? null) : null,
        phone: null,
        mustChangePassword: false,
      });
    }
    await seedDemoHazards(tx, { now: options.clock(), demoEnterpriseId: enterpriseId });
    await seedDemoReports(tx, { now: options.clock(), demoEnterpriseId: enterpriseId });
    await seedDemoDevices(tx, { now: options.clock() });
    await seedDemoEnforcement(tx, { now: options.clock(), passwordHash });
    const accounts = DEMO_ACCOUNTS.map((a) => ({ username: a.username, role: a.role }));
    return {
      result: { created: true, accounts },
      audit: {
        action: 'system.seeded',
        entityType: 'system',
        entityId: null,
        after: { demo: true, accounts: accounts.map((a) => a.username) },
      },
    };
  });
}

/**
 * The demo registry (~150 enterprises across all townships and sectors), written through the same rules as the
 * forms, so every demo record is one an official could have entered. Returns the id of the demo accounts' enterprise.
 */
async function seedDemoEnterprises(tx: Tx): Promise<string> {
  const catalogs = await loadCatalogs(tx);
  const regionIdByCode = new Map([...catalogs.regions.values()].map((r) => [r.path.split('/').at(-2) ?? '', r.id]));
  const values = demoEnterprises().map((e) => {
    const { regionCode, ...fields } = e;
    const prepared = prepareEnterprise({ ...fields, regionId: regionIdByCode.get(regionCode) ?? '' }, catalogs);
    if (!prepared.ok) throw new Error(`demo enterprise ${e.name}: ${prepared.issues.map((i) => i.message).join('; ')}`);
    return prepared.values;
  });
  await tx.insert(schema.enterprises).values(values).onConflictDoNothing({ target: schema.enterprises.creditCode });
  const [own] = await tx
    .select({ id: schema.enterprises.id })
    .from(schema.enterprises)
    .where(eq(schema.enterprises.creditCode, DEMO_ACCOUNT_ENTERPRISE_CREDIT_CODE));
  if (!own) throw new Error('demo account enterprise missing from the demo data');
  return own.id;
}
