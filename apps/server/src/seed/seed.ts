import { randomBytes } from 'node:crypto';
import { type Db, schema, seedRegions } from '@zhiben/db';
import { withCheckChar } from '@zhiben/domain';
import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../platform/clock.js';
import { mutate } from '../platform/context.js';
import { hashPassword } from '../platform/passwords.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.js';

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

    const enterpriseId = await ensureDemoEnterprise(tx, regionIds);
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

/** The enterprise the demo enterprise accounts belong to (the registry's demo data adds the rest). */
async function ensureDemoEnterprise(tx: Parameters<Parameters<Db['transaction']>[0]>[0], regionIds: Map<string, string>) {
  const creditCode = withCheckChar('91140404MA0DEM1X2');
  const [existing] = await tx
    .select({ id: schema.enterprises.id })
    .from(schema.enterprises)
    .where(eq(schema.enterprises.creditCode, creditCode));
  if (existing) return existing.id;
  const regionId = regionIds.get('140404001');
  const [region] = regionId ? await tx.select().from(schema.regions).where(eq(schema.regions.id, regionId)) : [];
  if (!region) throw new Error('jurisdiction seed missing 韩店街道');
  const [row] = await tx
    .insert(schema.enterprises)
    .values({ name: '长治市上党区鑫源木业有限公司', creditCode, regionId: region.id, regionPath: region.path })
    .returning({ id: schema.enterprises.id });
  if (!row) throw new Error('demo enterprise could not be written');
  return row.id;
}
