import type { AckAlarmBody, AlarmDetailDto, AlarmDto, AlarmLevel, AlarmListQuery, DisposeAlarmBody, ListResult } from '@zhiben/contracts';
import { schema, type Tx } from '@zhiben/db';
import { eq } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { assertPhotosUsable } from '../files/files.service.js';
import { insertTimeline } from './alarms.apply.js';
import { type AlarmChangeNote, announce } from './alarms.live-channel.js';
import { toAlarmDto, toAlarmEventDto } from './alarms.mapper.js';
import { alarmTimeline, findAlarm, listAlarms, lockAlarm } from './alarms.repository.js';

export async function list(ctx: ServiceContext, query: AlarmListQuery): Promise<ListResult<AlarmDto>> {
  if (query.from && query.to && !(Date.parse(query.to) > Date.parse(query.from))) {
    const message = '结束时间应晚于开始时间';
    throw new AppError('VALIDATION_FAILED', message, { issues: [{ path: ['query', 'to'], message }] });
  }
  const { rows, total } = await listAlarms(ctx.db, ctx.principal.scope, query);
  return { items: rows.map((r) => toAlarmDto(r, ctx.principal)), total };
}

export async function get(ctx: ServiceContext, id: string): Promise<AlarmDetailDto> {
  const row = await findAlarm(ctx.db, ctx.principal.scope, id);
  if (!row) throw notFound();
  const timeline = await alarmTimeline(ctx.db, id);
  return { ...toAlarmDto(row, ctx.principal), timeline: timeline.map(toAlarmEventDto) };
}

async function reload(ctx: ServiceContext, tx: Tx, id: string): Promise<AlarmDto> {
  const row = await findAlarm(tx, ctx.principal.scope, id);
  if (!row) throw notFound();
  return toAlarmDto(row, ctx.principal);
}

const note = (
  n: { alarm: { id: string; enterpriseId: string; regionPath: string } },
  change: AlarmChangeNote['change'],
): AlarmChangeNote => ({
  alarmId: n.alarm.id,
  enterpriseId: n.alarm.enterpriseId,
  regionPath: n.alarm.regionPath,
  change,
});

/** 响应 (叫应): the enterprise has seen the alarm and is on it. Stops the escalation. */
export async function acknowledge(ctx: ServiceContext, id: string, body: AckAlarmBody): Promise<AlarmDto> {
  return mutateAs(ctx, async (tx) => {
    const alarm = await lockAlarm(tx, ctx.principal.scope, id);
    if (!alarm) throw notFound();
    if (alarm.status !== 'pending') throw new AppError('STATE_CONFLICT', '该报警已响应，无需重复响应');
    const now = ctx.clock();
    await tx
      .update(schema.alarms)
      .set({ status: 'acknowledged', acknowledgedBy: ctx.principal.userId, acknowledgedAt: now, nextEscalationAt: null, updatedAt: now })
      .where(eq(schema.alarms.id, id));
    await insertTimeline(tx, [
      {
        alarm_id: id,
        enterprise_id: alarm.enterpriseId,
        action: 'acknowledged',
        level: alarm.level as AlarmLevel,
        value: null,
        data: { minutes: Math.floor((now.getTime() - alarm.raisedAt.getTime()) / 60_000) },
        at: now.toISOString(),
        actor_id: ctx.principal.userId,
        actor_name: ctx.principal.displayName,
        note: body.note ?? null,
      },
    ]);
    await announce(tx, [note({ alarm }, 'acknowledged')]);
    return {
      result: await reload(ctx, tx, id),
      audit: {
        action: 'alarms.acknowledged',
        entityType: 'alarm',
        entityId: id,
        enterpriseId: alarm.enterpriseId,
        regionPath: alarm.regionPath,
        before: { status: alarm.status },
        after: { status: 'acknowledged', note: body.note ?? null },
      },
    };
  });
}

/**
 * 处置报告: cause, action and photos, all required. Filing it on an alarm still 待响应 acknowledges it as well. The
 * alarm closes at once when its condition has already cleared (已恢复未处置); otherwise it stays 已处置 until the
 * condition clears (the rule stage closes it then).
 */
export async function dispose(ctx: ServiceContext, id: string, body: DisposeAlarmBody): Promise<AlarmDto> {
  const visible = await findAlarm(ctx.db, ctx.principal.scope, id);
  if (!visible) throw notFound();
  await assertPhotosUsable(ctx, body.photos, visible.alarm.enterpriseId);
  return mutateAs(ctx, async (tx) => {
    const alarm = await lockAlarm(tx, ctx.principal.scope, id);
    if (!alarm) throw notFound();
    if (alarm.status !== 'pending' && alarm.status !== 'acknowledged')
      throw new AppError('STATE_CONFLICT', '该报警已处置，不能重复提交处置报告');
    const now = ctx.clock();
    const closes = alarm.clearedAt !== null;
    const photos = [...new Set(body.photos)];
    const implicitAck = alarm.status === 'pending';
    await tx
      .update(schema.alarms)
      .set({
        status: closes ? 'closed' : 'disposed',
        ...(implicitAck ? { acknowledgedBy: ctx.principal.userId, acknowledgedAt: now } : {}),
        disposalCause: body.cause,
        disposalAction: body.action,
        disposalPhotos: photos,
        disposedBy: ctx.principal.userId,
        disposedAt: now,
        nextEscalationAt: null,
        ...(closes ? { closedAt: now } : {}),
        updatedAt: now,
      })
      .where(eq(schema.alarms.id, id));
    const actor = { actor_id: ctx.principal.userId, actor_name: ctx.principal.displayName };
    const level = alarm.level as AlarmLevel;
    const iso = now.toISOString();
    await insertTimeline(tx, [
      ...(implicitAck
        ? [
            {
              alarm_id: id,
              enterprise_id: alarm.enterpriseId,
              action: 'acknowledged',
              level,
              value: null,
              data: { implicit: true },
              at: iso,
              ...actor,
            },
          ]
        : []),
      {
        alarm_id: id,
        enterprise_id: alarm.enterpriseId,
        action: 'disposed',
        level,
        value: null,
        data: { cause: body.cause, action: body.action, photos },
        at: iso,
        note: body.cause,
        ...actor,
      },
      ...(closes
        ? [{ alarm_id: id, enterprise_id: alarm.enterpriseId, action: 'closed', level, value: null, data: null, at: iso, ...actor }]
        : []),
    ]);
    await announce(tx, [note({ alarm }, 'disposed'), ...(closes ? [note({ alarm }, 'closed')] : [])]);
    return {
      result: await reload(ctx, tx, id),
      audit: {
        action: 'alarms.disposed',
        entityType: 'alarm',
        entityId: id,
        enterpriseId: alarm.enterpriseId,
        regionPath: alarm.regionPath,
        before: { status: alarm.status },
        after: { status: closes ? 'closed' : 'disposed', cause: body.cause, action: body.action, photos: photos.length },
      },
    };
  });
}
