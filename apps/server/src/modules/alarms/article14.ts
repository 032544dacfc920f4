import { type Executor, queryRows, schema, type Tx } from '@zhiben/db';
import { ARTICLE_14_ITEM_KEY, type MajorHazardIndication } from '@zhiben/domain';
import { eq, sql } from 'drizzle-orm';
import { upsertHazardFromFinding } from '../hazards/index.js';
import { STANDARD_CODE } from '../standard/standard.repository.js';

/** The item of 令10 第十四条 ('14-0') in the current version of the standard, as self-inspection links items. */
async function article14ItemId(db: Executor): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select si.id from standard_items si join hazard_standard_versions v on v.id = si.version_id
        where v.code = ${STANDARD_CODE} and si.key = ${ARTICLE_14_ITEM_KEY}
        order by v.version desc limit 1`,
  );
  return row?.id ?? null;
}

export interface Article14Device {
  id: string;
  code: string;
  name: string;
  location: string | null;
  enterpriseId: string;
  regionPath: string;
}

/**
 * A 第十四条 indication of a device's thresholds (令10 第十四条: a monitoring or alarm facility directly related to
 * safe production that is 失效 — a disabled mandatory alarm, a set-point outside the protection limits; regulations.md
 * §1.12, the 南通海安 case) is recorded as a major hazard referencing item 14-0, once per device: while the hazard
 * recorded for the device is open, a further change only refreshes its description (the hazard module's upsert by
 * source ref); after it was closed, a new indication is a new hazard. Returns the hazard's id (null when the standard
 * lacks item 14-0, which a seeded database never does).
 */
export async function recordArticle14Hazard(
  tx: Tx,
  device: Article14Device,
  indication: MajorHazardIndication,
  previousHazardId: string | null,
  actorId: string,
  now: Date,
): Promise<string | null> {
  const itemId = await article14ItemId(tx);
  if (itemId === null) return null;
  let sourceRef = `article14:${device.id}:${now.getTime()}`;
  if (previousHazardId !== null) {
    const [previous] = await tx
      .select({ status: schema.hazards.status, sourceRef: schema.hazards.sourceRef })
      .from(schema.hazards)
      .where(eq(schema.hazards.id, previousHazardId));
    if (previous && previous.status !== 'closed' && previous.sourceRef) sourceRef = previous.sourceRef;
  }
  const hazard = await upsertHazardFromFinding(tx, {
    enterpriseId: device.enterpriseId,
    regionPath: device.regionPath,
    source: 'monitoring_alarm',
    sourceRef,
    level: 'major',
    standardItemId: itemId,
    description: `监测报警设施失效（${indication.article}）：${device.name}（${device.code}）${indication.reasons.join('；')}。`,
    location: device.location ?? device.name,
    photos: [],
    foundBy: actorId,
    foundAt: now,
  });
  return hazard.id;
}
