import type { CreateInspectionBody, InspectionDetailDto, InspectionDto, ListResult, RecordResultsBody } from '@zhiben/contracts';
import { schema } from '@zhiben/db';
import { and, eq, inArray } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { can } from '../../platform/principal.js';
import { findEnterprise } from '../enterprises/enterprises.repository.js';
import { assertPhotosUsable } from '../files/files.service.js';
import { upsertHazardFromFinding } from '../hazards/index.js';
import { checklistFor } from './checklist.service.js';
import {
  findInspection,
  type InspectionFilter,
  type InspectionRow,
  inspectionItems,
  listInspections,
  toInspectionDto,
} from './inspections.repository.js';

function abilitiesOf(ctx: ServiceContext, row: InspectionRow): InspectionDto['abilities'] {
  const open = row.inspection.status !== 'completed';
  const mayRecord = can(ctx.principal, 'inspections.record') && ctx.principal.scope.kind === 'enterprise';
  return { record: open && mayRecord, complete: open && mayRecord && row.pending === 0 && row.total > 0 };
}

export async function list(ctx: ServiceContext, filter: InspectionFilter): Promise<ListResult<InspectionDto>> {
  const { rows, total } = await listInspections(ctx.db, ctx.principal.scope, filter);
  return { items: rows.map((r) => toInspectionDto(r, abilitiesOf(ctx, r))), total };
}

export async function get(ctx: ServiceContext, id: string): Promise<InspectionDetailDto> {
  const row = await findInspection(ctx.db, ctx.principal.scope, id);
  if (!row) throw notFound();
  const items = await inspectionItems(ctx.db, id);
  return {
    ...toInspectionDto(row, abilitiesOf(ctx, row)),
    items: items.map(({ item, standard }) => ({
      id: item.id,
      standardItemId: item.standardItemId,
      key: standard?.key ?? null,
      articleLabel: standard?.articleLabel ?? null,
      itemLabel: standard?.itemLabel ?? null,
      text: standard?.text ?? item.ownText ?? '',
      verified: standard?.verified ?? null,
      own: !standard,
      result: item.result as InspectionDetailDto['items'][number]['result'],
      note: item.note,
      photos: item.photos,
      hazardId: item.hazardId,
      recordedAt: item.recordedAt?.toISOString() ?? null,
    })),
  };
}

export async function create(ctx: ServiceContext, body: CreateInspectionBody): Promise<InspectionDetailDto> {
  const scope = ctx.principal.scope;
  const enterpriseId = scope.kind === 'enterprise' ? scope.enterpriseId : body.enterpriseId;
  if (!enterpriseId)
    throw new AppError('VALIDATION_FAILED', '请选择企业', { issues: [{ path: ['body', 'enterpriseId'], message: '请选择企业' }] });
  if (scope.kind === 'enterprise' && body.enterpriseId && body.enterpriseId !== scope.enterpriseId) throw notFound();
  const enterprise = await findEnterprise(ctx.db, scope, enterpriseId);
  if (!enterprise) throw notFound();
  const checklist = await checklistFor(ctx.db, enterprise);
  const applicable = new Set(checklist.rows.map((r) => r.id));
  const chosen = body.standardItemIds ?? checklist.rows.map((r) => r.id);
  const foreign = chosen.filter((id) => !applicable.has(id));
  if (foreign.length > 0) {
    throw new AppError('VALIDATION_FAILED', '所选条款不在本企业现行检查清单中', {
      issues: [{ path: ['body', 'standardItemIds'], message: `${foreign.length} 项不在本企业清单中` }],
    });
  }
  if (chosen.length + body.ownItems.length === 0) {
    throw new AppError('VALIDATION_FAILED', '至少选择一项检查内容', {
      issues: [{ path: ['body', 'standardItemIds'], message: '至少选择一项检查内容' }],
    });
  }
  const order = new Map(checklist.rows.map((r, i) => [r.id, i]));
  const id = await mutateAs(ctx, async (tx) => {
    const [inspection] = await tx
      .insert(schema.selfInspections)
      .values({
        enterpriseId,
        regionPath: enterprise.regionPath,
        title: body.title,
        frequency: body.frequency,
        area: body.area ?? null,
        plannedDate: body.plannedDate ?? null,
        standardVersionId: checklist.versionId,
        ledByPrincipal: body.ledByPrincipal,
        leaderName: body.leaderName ?? (body.ledByPrincipal ? enterprise.principalName : null),
        status: 'planned',
        createdBy: ctx.principal.userId,
      })
      .returning({ id: schema.selfInspections.id });
    if (!inspection) throw new AppError('INTERNAL');
    const rows = [
      ...[...new Set(chosen)]
        .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
        .map((standardItemId, sort) => ({ inspectionId: inspection.id, enterpriseId, standardItemId, sort })),
      ...body.ownItems.map((ownText, i) => ({ inspectionId: inspection.id, enterpriseId, ownText, sort: 10_000 + i })),
    ];
    await tx.insert(schema.selfInspectionItems).values(rows);
    return {
      result: inspection.id,
      audit: {
        action: 'inspections.created',
        entityType: 'self_inspection',
        entityId: inspection.id,
        enterpriseId,
        regionPath: enterprise.regionPath,
        after: {
          title: body.title,
          frequency: body.frequency,
          ledByPrincipal: body.ledByPrincipal,
          standardVersion: checklist.version,
          items: rows.length,
        },
      },
    };
  });
  return get(ctx, id);
}

/** Enterprise users record results on their own inspections; the bureau reads them. */
function assertRecorder(ctx: ServiceContext, row: InspectionRow) {
  if (ctx.principal.scope.kind !== 'enterprise') throw new AppError('FORBIDDEN', '自查结果由企业人员填写');
  if (row.inspection.status === 'completed') throw new AppError('STATE_CONFLICT', '检查已完成，不能再修改结果');
}

/**
 * Records item results. A 不符合 creates (or refreshes) a hazard: major when the item is a standard item
 * (令10 defines it as a 重大事故隐患), general for the enterprise's own items. Idempotent per item.
 */
export async function recordResults(ctx: ServiceContext, id: string, body: RecordResultsBody): Promise<InspectionDetailDto> {
  const row = await findInspection(ctx.db, ctx.principal.scope, id);
  if (!row) throw notFound();
  assertRecorder(ctx, row);
  await assertPhotosUsable(
    ctx,
    body.results.flatMap((r) => r.photos),
    row.inspection.enterpriseId,
  );
  const now = ctx.clock();
  await mutateAs(ctx, async (tx) => {
    const itemIds = body.results.map((r) => r.itemId);
    const existing = await tx
      .select({ item: schema.selfInspectionItems, standard: schema.standardItems })
      .from(schema.selfInspectionItems)
      .leftJoin(schema.standardItems, eq(schema.standardItems.id, schema.selfInspectionItems.standardItemId))
      .where(and(eq(schema.selfInspectionItems.inspectionId, id), inArray(schema.selfInspectionItems.id, itemIds)));
    const byId = new Map(existing.map((e) => [e.item.id, e]));
    const unknown = itemIds.filter((itemId) => !byId.has(itemId));
    if (unknown.length > 0)
      throw new AppError('VALIDATION_FAILED', '检查项不属于本次检查', {
        issues: [{ path: ['body', 'results'], message: '检查项不属于本次检查' }],
      });

    const hazards: { itemId: string; hazardId: string; level: string; created: boolean }[] = [];
    for (const result of body.results) {
      const current = byId.get(result.itemId);
      if (!current) continue;
      let hazardId = current.item.hazardId;
      if (result.result === 'non_compliant') {
        const standard = current.standard;
        const label = standard ? `${standard.articleLabel}${standard.itemLabel}` : '自定检查项';
        const text = standard?.text ?? current.item.ownText ?? '';
        const hazard = await upsertHazardFromFinding(tx, {
          enterpriseId: row.inspection.enterpriseId,
          regionPath: row.inspection.regionPath,
          source: 'self_inspection',
          sourceRef: current.item.id,
          inspectionId: id,
          level: standard ? 'major' : 'general',
          standardItemId: standard?.id ?? null,
          description: `${label}：${text}${result.note ? `。现场情况：${result.note}` : ''}`,
          location: row.inspection.area,
          photos: result.photos,
          foundBy: ctx.principal.userId,
          foundAt: now,
        });
        hazardId = hazard.id;
        hazards.push({ itemId: current.item.id, hazardId: hazard.id, level: standard ? 'major' : 'general', created: hazard.created });
      }
      await tx
        .update(schema.selfInspectionItems)
        .set({
          result: result.result,
          note: result.note ?? null,
          photos: result.photos,
          hazardId,
          recordedBy: ctx.principal.userId,
          recordedAt: now,
        })
        .where(eq(schema.selfInspectionItems.id, current.item.id));
    }
    if (row.inspection.status === 'planned') {
      await tx.update(schema.selfInspections).set({ status: 'in_progress', startedAt: now }).where(eq(schema.selfInspections.id, id));
    }
    return {
      result: undefined,
      audit: {
        action: 'inspections.results_recorded',
        entityType: 'self_inspection',
        entityId: id,
        enterpriseId: row.inspection.enterpriseId,
        regionPath: row.inspection.regionPath,
        after: { results: body.results.map((r) => ({ itemId: r.itemId, result: r.result, photos: r.photos.length })), hazards },
      },
    };
  });
  return get(ctx, id);
}

export async function complete(ctx: ServiceContext, id: string): Promise<InspectionDetailDto> {
  const row = await findInspection(ctx.db, ctx.principal.scope, id);
  if (!row) throw notFound();
  assertRecorder(ctx, row);
  if (row.pending > 0) throw new AppError('STATE_CONFLICT', `还有 ${row.pending} 项未检查，不能完成`);
  await mutateAs(ctx, async (tx) => {
    await tx
      .update(schema.selfInspections)
      .set({ status: 'completed', completedAt: ctx.clock(), startedAt: row.inspection.startedAt ?? ctx.clock() })
      .where(eq(schema.selfInspections.id, id));
    return {
      result: undefined,
      audit: {
        action: 'inspections.completed',
        entityType: 'self_inspection',
        entityId: id,
        enterpriseId: row.inspection.enterpriseId,
        regionPath: row.inspection.regionPath,
        after: {
          compliant: row.compliant,
          nonCompliant: row.nonCompliant,
          notApplicable: row.notApplicable,
          ledByPrincipal: row.inspection.ledByPrincipal,
        },
      },
    };
  });
  return get(ctx, id);
}
