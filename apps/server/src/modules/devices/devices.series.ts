import { MAX_SERIES_POINTS, SERIES_STEPS, type SeriesQuery, type SeriesResponse } from '@zhiben/contracts';
import { queryRows } from '@zhiben/db';
import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { findDevice } from './devices.repository.js';

/** Bucket origin: a Monday 00:00 in Asia/Shanghai, so daily buckets are the days officials mean. */
const ORIGIN = '2000-01-03T00:00:00+08:00';

const bad = (path: string, message: string) => new AppError('VALIDATION_FAILED', message, { issues: [{ path: ['query', path], message }] });

/**
 * A chart series from the 1-minute rollups (never the raw table): per bucket count, min, max, mean and the latest
 * value. Buckets with no data are absent (a gap in the chart, not a zero).
 */
export async function series(ctx: ServiceContext, id: string, query: SeriesQuery): Promise<SeriesResponse> {
  const row = await findDevice(ctx.db, ctx.principal.scope, id);
  if (!row) throw notFound();
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  if (!(to > from)) throw bad('to', '结束时间应晚于开始时间');
  const stepS = SERIES_STEPS[query.step];
  if ((to - from) / 1000 / stepS > MAX_SERIES_POINTS) {
    throw bad('step', `时间范围过长：步长 ${query.step} 最多 ${MAX_SERIES_POINTS} 个点，请选用更大的步长`);
  }
  if (!row.device.signals.includes(query.signal)) throw bad('signal', '该设备未配置此监测项');
  const points = await queryRows<{ t: string | Date; count: number; min: number; max: number; avg: number; last: number }>(
    ctx.db,
    sql`select date_bin(${`${stepS} seconds`}::interval, minute, ${ORIGIN}::timestamptz) as t,
               sum(count)::float8 as count, min(min) as min, max(max) as max,
               (sum(sum) / sum(count))::float8 as avg, (array_agg(last order by minute desc))[1] as last
        from telemetry_rollups_1m
        where device_id = ${id} and signal = ${query.signal}
          and minute >= ${new Date(from).toISOString()}::timestamptz and minute < ${new Date(to).toISOString()}::timestamptz
        group by 1 order by 1`,
  );
  return {
    deviceId: id,
    signal: query.signal,
    step: query.step,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    points: points.map((p) => ({
      t: new Date(p.t).toISOString(),
      count: Number(p.count),
      min: Number(p.min),
      max: Number(p.max),
      avg: Number(p.avg),
      last: Number(p.last),
    })),
  };
}
