import {
  type ChannelDto,
  type ChannelKind,
  type CreateChannelBody,
  channelTargetProblem,
  type ListResult,
  type UpdateChannelBody,
} from '@zhiben/contracts';
import { type Executor, schema } from '@zhiben/db';
import { asc, desc, eq } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';

/**
 * Where robot / e-mail messages go: the bureau's, a township's (region path) or an enterprise's channel. Managed
 * by the bureau's administrators only (permission `notifications.manage_channels`, scope `all`).
 */
const { notificationChannels: channels, regions, enterprises } = schema;
type Row = typeof channels.$inferSelect;

/** Hides a webhook's secret (WeCom `key`, DingTalk `access_token`) in answers and in the audit trail. */
export function maskTarget(kind: string, target: string): string {
  if (kind === 'email') return target;
  try {
    const url = new URL(target);
    for (const param of ['key', 'access_token']) {
      const value = url.searchParams.get(param);
      if (value) url.searchParams.set(param, `${value.slice(0, 4)}****`);
    }
    return url.toString();
  } catch {
    return '****';
  }
}

function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { issues: [{ path: ['body', field], message }] });
}

/** The owner's display name; undefined when the owner does not exist. */
async function ownerName(db: Executor, owner: string): Promise<string | undefined> {
  if (owner === 'bureau') return '区应急管理局';
  if (owner.endsWith('/')) {
    const [r] = await db.select({ name: regions.name }).from(regions).where(eq(regions.path, owner));
    return r?.name;
  }
  const [e] = await db.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.id, owner));
  return e?.name;
}

async function toDto(db: Executor, row: Row): Promise<ChannelDto> {
  return {
    id: row.id,
    owner: row.owner,
    ownerName: (await ownerName(db, row.owner)) ?? '（已不存在）',
    kind: row.kind as ChannelKind,
    target: maskTarget(row.kind, row.target),
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

const auditView = (row: Row) => ({ owner: row.owner, kind: row.kind, target: maskTarget(row.kind, row.target), active: row.active });

function requireBureau(ctx: ServiceContext) {
  // Channels are district-wide configuration: a holder of the permission outside the bureau's scope sees none.
  if (ctx.principal.scope.kind !== 'all') throw new AppError('FORBIDDEN');
}

export async function list(ctx: ServiceContext): Promise<ListResult<ChannelDto>> {
  requireBureau(ctx);
  const rows = await ctx.db.select().from(channels).orderBy(asc(channels.owner), desc(channels.createdAt));
  const items = await Promise.all(rows.map((r) => toDto(ctx.db, r)));
  return { items, total: items.length };
}

export async function create(ctx: ServiceContext, body: CreateChannelBody): Promise<ChannelDto> {
  requireBureau(ctx);
  return mutateAs(ctx, async (tx) => {
    if (!(await ownerName(tx, body.owner))) throw fieldError('owner', '接收方（区划或企业）不存在');
    const [row] = await tx
      .insert(channels)
      .values({ owner: body.owner, kind: body.kind, target: body.target, active: body.active, createdAt: ctx.clock() })
      .returning();
    if (!row) throw new Error('channel not created');
    return {
      result: await toDto(tx, row),
      audit: { action: 'notifications.channel_created', entityType: 'notification_channel', entityId: row.id, after: auditView(row) },
    };
  });
}

export async function update(ctx: ServiceContext, id: string, body: UpdateChannelBody): Promise<ChannelDto> {
  requireBureau(ctx);
  return mutateAs(ctx, async (tx) => {
    const [before] = await tx.select().from(channels).where(eq(channels.id, id)).for('update');
    if (!before) throw notFound();
    if (body.target !== undefined) {
      const problem = channelTargetProblem(before.kind as ChannelKind, body.target);
      if (problem) throw fieldError('target', problem);
    }
    const [row] = await tx
      .update(channels)
      .set({ ...(body.target !== undefined ? { target: body.target } : {}), ...(body.active !== undefined ? { active: body.active } : {}) })
      .where(eq(channels.id, id))
      .returning();
    if (!row) throw notFound();
    return {
      result: await toDto(tx, row),
      audit: {
        action: 'notifications.channel_updated',
        entityType: 'notification_channel',
        entityId: row.id,
        before: auditView(before),
        after: auditView(row),
      },
    };
  });
}
