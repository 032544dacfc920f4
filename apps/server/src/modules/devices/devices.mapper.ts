import { DEVICE_PROFILES, type DeviceDto, type ProfileCode, telemetryTopic } from '@zhiben/contracts';
import { can, type Principal } from '../../platform/principal.js';
import type { DeviceViewRow } from './devices.repository.js';

/** Row → DTO. Never carries the secret or its hash. Reads are scoped, so `devices.manage` covers this device. */
export function toDeviceDto(row: DeviceViewRow, principal: Principal): DeviceDto {
  const d = row.device;
  const profile = d.profile as ProfileCode;
  const manage = can(principal, 'devices.manage');
  return {
    id: d.id,
    enterpriseId: d.enterpriseId,
    enterpriseName: row.enterpriseName,
    creditCode: row.creditCode,
    systemId: d.systemId,
    systemName: row.systemName,
    code: d.code,
    name: d.name,
    collectorType: d.collectorType as DeviceDto['collectorType'],
    profile,
    location: d.location,
    reportingIntervalS: d.reportingIntervalS,
    status: d.status as DeviceDto['status'],
    signals: d.signals,
    mandatorySignals: [...(DEVICE_PROFILES[profile]?.mandatorySignals ?? [])],
    mqttUsername: `${row.creditCode}/${d.code}`,
    mqttTopic: telemetryTopic(row.creditCode, d.code),
    secretRotatedAt: d.secretRotatedAt.toISOString(),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    lastDataAt: row.lastDataAt ? row.lastDataAt.toISOString() : null,
    connected: row.connected,
    abilities: { update: manage, rotateSecret: manage },
  };
}

/** What the audit trail records of a device: everything but the secret hash. */
export function auditViewOfDevice(values: Record<string, unknown>): Record<string, unknown> {
  const { secretHash: _secret, createdAt: _c, updatedAt: _u, ...rest } = values;
  return rest;
}
