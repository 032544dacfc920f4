import {
  DEFAULT_REWARD_SCALE,
  type ReportSettingsDto,
  type RewardScaleEntry,
  rewardScale,
  type UpdateReportSettingsBody,
} from '@zhiben/contracts';
import { type Executor, schema } from '@zhiben/db';
import { and, eq } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { can } from '../../platform/principal.js';
import { enterpriseScope } from '../../platform/scope.js';
import { newReportToken } from './codes.js';

const { reportSettings, enterprises } = schema;

/** The path of the mobile report page behind an enterprise's QR code (the web app serves it). */
export const reportPathOf = (token: string) => `/r/${token}`;

/** The reward scale stored as data; a row that no longer parses falls back to the default rather than failing a report. */
export function scaleOf(raw: unknown): RewardScaleEntry[] {
  const parsed = rewardScale.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_REWARD_SCALE;
}

/** An enterprise's reward scale (the default until the principal sets one). */
export async function rewardScaleOf(db: Executor, enterpriseId: string): Promise<RewardScaleEntry[]> {
  const [row] = await db
    .select({ scale: reportSettings.rewardScale })
    .from(reportSettings)
    .where(eq(reportSettings.enterpriseId, enterpriseId));
  return row ? scaleOf(row.scale) : DEFAULT_REWARD_SCALE;
}

async function visibleEnterprise(ctx: ServiceContext, enterpriseId: string) {
  const [row] = await ctx.db
    .select({ id: enterprises.id, name: enterprises.name, regionPath: enterprises.regionPath })
    .from(enterprises)
    .where(
      and(
        eq(enterprises.id, enterpriseId),
        enterpriseScope(ctx.principal.scope, { enterpriseId: enterprises.id, regionPath: enterprises.regionPath }),
      ),
    );
  if (!row) throw notFound();
  return row;
}

function toDto(ctx: ServiceContext, enterprise: { id: string; name: string }, row: typeof reportSettings.$inferSelect): ReportSettingsDto {
  const configure = can(ctx.principal, 'reports.configure');
  return {
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    token: row.token,
    reportPath: reportPathOf(row.token),
    rewardScale: scaleOf(row.rewardScale),
    updatedAt: row.updatedAt.toISOString(),
    abilities: { edit: configure, rotate: configure },
  };
}

class LostRace extends Error {}

/** The settings, created (token + default scale, audited) the first time anyone asks for them. */
export async function getSettings(ctx: ServiceContext, enterpriseId: string): Promise<ReportSettingsDto> {
  const enterprise = await visibleEnterprise(ctx, enterpriseId);
  const [existing] = await ctx.db.select().from(reportSettings).where(eq(reportSettings.enterpriseId, enterpriseId));
  if (existing) return toDto(ctx, enterprise, existing);
  try {
    const created = await mutateAs(ctx, async (tx) => {
      const [row] = await tx
        .insert(reportSettings)
        .values({ enterpriseId, token: newReportToken(), rewardScale: DEFAULT_REWARD_SCALE, updatedAt: ctx.clock() })
        .onConflictDoNothing({ target: reportSettings.enterpriseId })
        .returning();
      // Someone else created them a moment ago: roll back (no audit row) and read theirs.
      if (!row) throw new LostRace();
      return {
        result: row,
        audit: {
          action: 'employee_reports.settings_created',
          entityType: 'report_settings',
          entityId: enterpriseId,
          enterpriseId,
          regionPath: enterprise.regionPath,
          after: { rewardScale: DEFAULT_REWARD_SCALE },
        },
      };
    });
    return toDto(ctx, enterprise, created);
  } catch (err) {
    if (!(err instanceof LostRace)) throw err;
    const [row] = await ctx.db.select().from(reportSettings).where(eq(reportSettings.enterpriseId, enterpriseId));
    if (!row) throw err;
    return toDto(ctx, enterprise, row);
  }
}

/** Sets the reward scale (奖励标准). Rewards already recorded keep the amount they were given. */
export async function updateSettings(
  ctx: ServiceContext,
  enterpriseId: string,
  body: UpdateReportSettingsBody,
): Promise<ReportSettingsDto> {
  const enterprise = await visibleEnterprise(ctx, enterpriseId);
  const now = ctx.clock();
  const row = await mutateAs(ctx, async (tx) => {
    const [before] = await tx.select().from(reportSettings).where(eq(reportSettings.enterpriseId, enterpriseId)).for('update');
    const [after] = await tx
      .insert(reportSettings)
      .values({ enterpriseId, token: newReportToken(), rewardScale: body.rewardScale, updatedAt: now })
      .onConflictDoUpdate({ target: reportSettings.enterpriseId, set: { rewardScale: body.rewardScale, updatedAt: now } })
      .returning();
    if (!after) throw new Error('report settings upsert returned nothing');
    return {
      result: after,
      audit: {
        action: 'employee_reports.settings_updated',
        entityType: 'report_settings',
        entityId: enterpriseId,
        enterpriseId,
        regionPath: enterprise.regionPath,
        before: { rewardScale: before ? scaleOf(before.rewardScale) : null },
        after: { rewardScale: body.rewardScale },
      },
    };
  });
  return toDto(ctx, enterprise, row);
}

/** A new QR token: codes already printed stop working (a leaked or misused code). */
export async function rotateToken(ctx: ServiceContext, enterpriseId: string): Promise<ReportSettingsDto> {
  const enterprise = await visibleEnterprise(ctx, enterpriseId);
  const now = ctx.clock();
  const token = newReportToken();
  const row = await mutateAs(ctx, async (tx) => {
    const [after] = await tx
      .insert(reportSettings)
      .values({ enterpriseId, token, rewardScale: DEFAULT_REWARD_SCALE, updatedAt: now })
      .onConflictDoUpdate({ target: reportSettings.enterpriseId, set: { token, updatedAt: now } })
      .returning();
    if (!after) throw new Error('report settings upsert returned nothing');
    return {
      result: after,
      // The tokens themselves stay out of the audit trail: it outlives them and is read by more people.
      audit: {
        action: 'employee_reports.token_rotated',
        entityType: 'report_settings',
        entityId: enterpriseId,
        enterpriseId,
        regionPath: enterprise.regionPath,
        after: { rotated: true },
      },
    };
  });
  return toDto(ctx, enterprise, row);
}
