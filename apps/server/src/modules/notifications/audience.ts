import { type Executor, schema } from '@zhiben/db';
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { OutboxChannel } from '../../platform/channels/index.js';

/**
 * Who receives a reminder, resolved in batch for a whole sweep (a few queries, whatever the number of hazards):
 * active accounts only; township officers by their region's path being a prefix of the enterprise's.
 */
export interface Audience {
  activeUserIds: Set<string>;
  principalsByEnterprise: Map<string, string[]>;
  safetyManagersByEnterprise: Map<string, string[]>;
  townshipOfficers: { id: string; regionPath: string }[];
  bureauOfficers: string[];
}

export async function loadAudience(db: Executor, enterpriseIds: string[], extraUserIds: string[]): Promise<Audience> {
  const { users, regions } = schema;
  const rows = await db
    .select({ id: users.id, role: users.role, enterpriseId: users.enterpriseId, regionPath: regions.path })
    .from(users)
    .leftJoin(regions, eq(regions.id, users.regionId))
    .where(
      and(
        eq(users.status, 'active'),
        or(
          and(inArray(users.role, ['enterprise_principal', 'enterprise_safety_manager']), inArray(users.enterpriseId, enterpriseIds)),
          inArray(users.role, ['township_officer', 'bureau_officer']),
          inArray(users.id, extraUserIds),
        ),
      ),
    );
  const audience: Audience = {
    activeUserIds: new Set(rows.map((r) => r.id)),
    principalsByEnterprise: new Map(),
    safetyManagersByEnterprise: new Map(),
    townshipOfficers: [],
    bureauOfficers: [],
  };
  const push = (map: Map<string, string[]>, key: string, id: string) => map.set(key, [...(map.get(key) ?? []), id]);
  for (const r of rows) {
    if (r.role === 'enterprise_principal' && r.enterpriseId) push(audience.principalsByEnterprise, r.enterpriseId, r.id);
    else if (r.role === 'enterprise_safety_manager' && r.enterpriseId) push(audience.safetyManagersByEnterprise, r.enterpriseId, r.id);
    else if (r.role === 'township_officer' && r.regionPath) audience.townshipOfficers.push({ id: r.id, regionPath: r.regionPath });
    else if (r.role === 'bureau_officer') audience.bureauOfficers.push(r.id);
  }
  return audience;
}

export const townshipOfficersOf = (audience: Audience, regionPath: string) =>
  audience.townshipOfficers.filter((u) => regionPath.startsWith(u.regionPath)).map((u) => u.id);

/** Active outgoing channels, matched by owner: an enterprise id, a region path (prefix of the enterprise's) or 'bureau'. */
export interface ChannelDirectory {
  forEnterprise(enterpriseId: string): OutboxChannel[];
  forRegion(regionPath: string): OutboxChannel[];
  forBureau(): OutboxChannel[];
}

export async function loadChannels(db: Executor): Promise<ChannelDirectory> {
  const { notificationChannels: c } = schema;
  const rows = await db.select({ id: c.id, owner: c.owner, kind: c.kind, target: c.target }).from(c).where(eq(c.active, true));
  const isRegion = (owner: string) => owner.endsWith('/');
  return {
    forEnterprise: (enterpriseId) => rows.filter((r) => r.owner === enterpriseId),
    forRegion: (regionPath) => rows.filter((r) => isRegion(r.owner) && regionPath.startsWith(r.owner)),
    forBureau: () => rows.filter((r) => r.owner === 'bureau'),
  };
}

/** 2026-12-31 18:00 in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export const shortText = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** `column in (…)` for raw SQL; an empty list matches nothing. */
export const idIn = (column: SQL, ids: readonly string[]): SQL =>
  ids.length === 0
    ? sql`false`
    : sql`${column} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`;
