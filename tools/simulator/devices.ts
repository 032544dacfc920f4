import { readFileSync } from 'node:fs';
import { DEVICE_PROFILES, PROFILE_OF_COLLECTOR, type SignalCode, signalCodeSchema, telemetryTopic } from '@zhiben/contracts';
import { z } from 'zod';
import { demoDeviceSecret, demoDevices } from '../../apps/server/src/seed/demo-devices.js';
import type { CollectorKind } from './model.js';

/** A device the simulator speaks for: what it reports and how it logs in. */
export interface SimDevice {
  /** `{creditCode}/{deviceCode}`: the MQTT user name and the first half of the HTTP bearer token. */
  key: string;
  creditCode: string;
  code: string;
  enterpriseName: string;
  kind: CollectorKind;
  signals: readonly SignalCode[];
  reportingIntervalS: number;
  secret: string;
  topic: string;
}

/**
 * The demo 粉尘涉爆 devices, computed exactly as the demo seed computes them (apps/server/src/seed/demo-devices.ts):
 * codes and secrets are deterministic there, so the simulator needs neither the database (PGlite is one process's
 * private database and is locked while the server runs) nor an API account — only a server seeded in demo mode.
 * In seed order, grouped by enterprise (the demo accounts' enterprise first).
 */
export function demoSimDevices(): SimDevice[] {
  return demoDevices().map((d) => ({
    key: `${d.creditCode}/${d.code}`,
    creditCode: d.creditCode,
    code: d.code,
    enterpriseName: d.enterpriseName,
    kind: d.collectorType,
    signals: d.signals,
    reportingIntervalS: d.reportingIntervalS,
    secret: demoDeviceSecret(d.creditCode, d.code),
    topic: telemetryTopic(d.creditCode, d.code),
  }));
}

/** The devices of the first `n` enterprises of the list (all when `n` is undefined). */
export function firstEnterprises(devices: readonly SimDevice[], n: number | undefined): SimDevice[] {
  if (n === undefined) return [...devices];
  const wanted = new Set([...new Set(devices.map((d) => d.creditCode))].slice(0, n));
  return devices.filter((d) => wanted.has(d.creditCode));
}

export const enterpriseCount = (devices: readonly SimDevice[]) => new Set(devices.map((d) => d.creditCode)).size;

const deviceFileEntry = z.object({
  creditCode: z.string().min(1),
  code: z.string().min(1),
  secret: z.string().min(1),
  collectorType: z.enum(['dry', 'wet', 'other']),
  /** Default: the profile's mandatory signals plus fan_running. */
  signals: z.array(signalCodeSchema).optional(),
  reportingIntervalS: z.number().int().positive().default(60),
  enterpriseName: z.string().default(''),
});

/**
 * Devices of a real installation from a JSON file (`--devices file.json`): an array of
 * `{creditCode, code, secret, collectorType, signals?, reportingIntervalS?}` — the secrets as shown once at
 * registration or in the import report.
 */
export function fileSimDevices(path: string): SimDevice[] {
  const parsed = z
    .array(deviceFileEntry)
    .min(1)
    .safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data.map((d) => {
    const creditCode = d.creditCode.toUpperCase();
    const profile = DEVICE_PROFILES[PROFILE_OF_COLLECTOR[d.collectorType]];
    return {
      key: `${creditCode}/${d.code}`,
      creditCode,
      code: d.code,
      enterpriseName: d.enterpriseName,
      kind: d.collectorType,
      signals: d.signals ?? [...new Set<SignalCode>([...profile.mandatorySignals, 'fan_running'])],
      reportingIntervalS: d.reportingIntervalS,
      secret: d.secret,
      topic: telemetryTopic(creditCode, d.code),
    };
  });
}

/** `91140404MA0DEM1X2U/DC01`, or a bare `DC01` meaning that code in the first enterprise of the list. */
export function findDevice(devices: readonly SimDevice[], ref: string): SimDevice | undefined {
  if (ref.includes('/')) {
    const [creditCode, code] = ref.split('/');
    return devices.find((d) => d.creditCode === creditCode?.toUpperCase() && d.code === code);
  }
  const first = devices[0]?.creditCode;
  return devices.find((d) => d.creditCode === first && d.code === ref);
}
