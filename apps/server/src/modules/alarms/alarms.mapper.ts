import {
  type AlarmAbilities,
  type AlarmDto,
  type AlarmEventDto,
  type AlarmStatus,
  type AlarmStreamItem,
  alarmDisplayStatus,
} from '@zhiben/contracts';
import { iso } from '../../platform/listing.js';
import { can, type Principal } from '../../platform/principal.js';
import type { AlarmRow, alarmTimeline } from './alarms.repository.js';

/** Acknowledge while 待响应; file the 处置报告 while 待响应 or 已响应 (filing it also acknowledges). */
export function alarmAbilities(principal: Principal | null, status: AlarmStatus): AlarmAbilities {
  const handles = principal !== null && can(principal, 'alarms.handle');
  return {
    acknowledge: handles && status === 'pending',
    dispose: handles && (status === 'pending' || status === 'acknowledged'),
  };
}

export function toAlarmDto(row: AlarmRow, principal: Principal | null): AlarmDto {
  const a = row.alarm;
  const status = a.status as AlarmStatus;
  const clearedAt = iso(a.clearedAt);
  return {
    id: a.id,
    deviceId: a.deviceId,
    deviceCode: row.deviceCode,
    deviceName: row.deviceName,
    enterpriseId: a.enterpriseId,
    enterpriseName: row.enterpriseName,
    regionName: row.regionName,
    ruleId: a.ruleId,
    ruleName: a.ruleName,
    ruleType: a.ruleType as AlarmDto['ruleType'],
    kind: a.kind as AlarmDto['kind'],
    signal: a.signal,
    level: a.level as AlarmDto['level'],
    maxLevel: a.maxLevel as AlarmDto['maxLevel'],
    status,
    displayStatus: alarmDisplayStatus(status, clearedAt),
    count: a.count,
    peak: a.peak,
    lastValue: a.lastValue,
    firstAt: a.firstAt.toISOString(),
    lastAt: a.lastAt.toISOString(),
    acknowledgedBy: a.acknowledgedBy,
    acknowledgedByName: row.acknowledgedByName,
    acknowledgedAt: iso(a.acknowledgedAt),
    disposal:
      a.disposedAt && a.disposalCause !== null && a.disposalAction !== null
        ? {
            cause: a.disposalCause,
            action: a.disposalAction,
            photos: a.disposalPhotos ?? [],
            disposedBy: a.disposedBy,
            disposedByName: row.disposedByName,
            disposedAt: a.disposedAt.toISOString(),
          }
        : null,
    clearedAt,
    closedAt: iso(a.closedAt),
    hazardId: a.hazardId,
    escalationStage: a.escalationStage as AlarmDto['escalationStage'],
    nextEscalationAt: status === 'pending' ? iso(a.nextEscalationAt) : null,
    createdAt: a.createdAt.toISOString(),
    abilities: alarmAbilities(principal, status),
  };
}

export function toStreamItem(dto: AlarmDto): AlarmStreamItem {
  return {
    id: dto.id,
    deviceId: dto.deviceId,
    deviceCode: dto.deviceCode,
    deviceName: dto.deviceName,
    enterpriseId: dto.enterpriseId,
    enterpriseName: dto.enterpriseName,
    ruleId: dto.ruleId,
    ruleName: dto.ruleName,
    kind: dto.kind,
    level: dto.level,
    maxLevel: dto.maxLevel,
    status: dto.status,
    displayStatus: dto.displayStatus,
    count: dto.count,
    peak: dto.peak,
    firstAt: dto.firstAt,
    lastAt: dto.lastAt,
    clearedAt: dto.clearedAt,
  };
}

export function toAlarmEventDto(row: Awaited<ReturnType<typeof alarmTimeline>>[number]): AlarmEventDto {
  return {
    id: row.id,
    action: row.action as AlarmEventDto['action'],
    level: (row.level as AlarmEventDto['level']) ?? null,
    value: row.value,
    actorName: row.actorName,
    note: row.note,
    data: row.data ?? null,
    at: row.at.toISOString(),
  };
}
