import type { addLocalItemBody, editStandardItemBody, StandardItemDto } from '@zhiben/contracts';
import { schema, type Tx } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import type { z as zod } from 'zod';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { currentVersion, type ItemRow, itemById, itemsOfVersion, toItemDto } from './standard.repository.js';

/** Serialises publications so two officials editing at once produce versions n+1 and n+2, not two n+1. */
const PUBLISH_LOCK = 72_110_010;

type ItemChange = (items: ItemRow[]) => { items: Omit<ItemRow, 'id' | 'versionId'>[]; changedKey: string };

/** Publishes version n+1: a full copy of version n with `change` applied. Returns the changed item of the new version. */
async function publish(tx: Tx, ctx: ServiceContext, note: string, change: ItemChange) {
  await tx.execute(sql`select pg_advisory_xact_lock(${PUBLISH_LOCK})`);
  const current = await currentVersion(tx);
  const { items, changedKey } = change(await itemsOfVersion(tx, current.id));
  const [next] = await tx
    .insert(schema.hazardStandardVersions)
    .values({
      code: current.code,
      title: current.title,
      version: current.version + 1,
      effectiveFrom: new Date(ctx.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
      note,
      publishedBy: ctx.principal.userId,
      publishedAt: ctx.clock(),
    })
    .returning();
  if (!next) throw new AppError('INTERNAL');
  const inserted = await tx
    .insert(schema.standardItems)
    .values(items.map((item) => ({ ...item, versionId: next.id })))
    .returning();
  const changed = inserted.find((i) => i.key === changedKey);
  if (!changed) throw new AppError('INTERNAL');
  return { version: next, item: changed };
}

const strip = ({ id: _id, versionId: _v, ...rest }: ItemRow) => rest;

export async function editItem(ctx: ServiceContext, id: string, body: zod.infer<typeof editStandardItemBody>): Promise<StandardItemDto> {
  const target = await itemById(ctx.db, id);
  if (!target) throw notFound();
  return mutateAs(ctx, async (tx) => {
    const current = await currentVersion(tx);
    if (target.versionId !== current.id) {
      throw new AppError('STATE_CONFLICT', `只能修改现行版本（第 ${current.version} 版）的条款；此条款属于第 ${target.version} 版`);
    }
    const { version, item } = await publish(tx, ctx, body.note, (items) => ({
      changedKey: target.key,
      items: items.map((i) =>
        i.key !== target.key
          ? strip(i)
          : {
              ...strip(i),
              text: body.text ?? i.text,
              verified: body.verified ?? i.verified,
              penaltyBasis: body.penaltyBasis !== undefined ? body.penaltyBasis : i.penaltyBasis,
              exclusions: body.exclusions ?? i.exclusions,
              keywords: body.keywords ?? i.keywords,
            },
      ),
    }));
    return {
      result: toItemDto(item, version.version),
      audit: {
        action: 'standard.item_edited',
        entityType: 'standard_item',
        entityId: item.id,
        before: {
          version: target.version,
          key: target.key,
          text: target.text,
          verified: target.verified,
          penaltyBasis: target.penaltyBasis,
        },
        after: {
          version: version.version,
          key: item.key,
          text: item.text,
          verified: item.verified,
          penaltyBasis: item.penaltyBasis,
          note: body.note,
        },
      },
    };
  });
}

export async function addLocalItem(ctx: ServiceContext, body: zod.infer<typeof addLocalItemBody>): Promise<StandardItemDto> {
  return mutateAs(ctx, async (tx) => {
    let key = '';
    const { version, item } = await publish(tx, ctx, body.note, (items) => {
      const localCount = items.filter((i) => i.local).length;
      key = `L-${localCount + 1}`;
      const applicability =
        body.sector && body.tagsAny.length
          ? { and: [{ sectors: [body.sector] }, { tagsAny: body.tagsAny }] }
          : body.sector
            ? { sectors: [body.sector] }
            : body.tagsAny.length
              ? { tagsAny: body.tagsAny }
              : { all: true };
      return {
        changedKey: key,
        items: [
          ...items.map(strip),
          {
            key,
            article: 90,
            item: localCount + 1,
            articleLabel: '地方补充',
            itemLabel: `（${localCount + 1}）`,
            text: body.text,
            topic: 'local',
            sector: body.sector,
            applicability,
            exclusions: [],
            penaltyBasis: body.penaltyBasis,
            source: body.source,
            verified: true,
            local: true,
            keywords: [],
            sort: 10_000 + localCount,
          },
        ],
      };
    });
    return {
      result: toItemDto(item, version.version),
      audit: {
        action: 'standard.local_item_added',
        entityType: 'standard_item',
        entityId: item.id,
        after: { version: version.version, key, text: body.text, note: body.note },
      },
    };
  });
}
