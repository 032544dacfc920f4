import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoEnterprises } from '@zhiben/db';
import { describe, expect, it } from 'vitest';
import { demoSimDevices, enterpriseCount, fileSimDevices, findDevice, firstEnterprises } from './devices.js';

describe('demo devices', () => {
  const devices = demoSimDevices();

  it('are the demo seed’s devices with the seed’s credentials and topics', () => {
    expect(devices.length).toBeGreaterThan(10);
    expect(new Set(devices.map((d) => d.key)).size).toBe(devices.length);
    const dust = new Set(
      demoEnterprises()
        .filter((e) => e.riskTags.includes('dust_explosion'))
        .map((e) => e.creditCode),
    );
    for (const d of devices) {
      expect(dust.has(d.creditCode)).toBe(true);
      expect(d.secret).toBe(`Demo-${d.creditCode.slice(-6)}-${d.code}`);
      expect(d.topic).toBe(`zhiben/v1/${d.creditCode}/${d.code}/telemetry`);
      expect(d.signals.length).toBeGreaterThanOrEqual(2);
    }
    expect(devices.some((d) => d.kind === 'wet')).toBe(true);
  });

  it('start with the demo accounts’ enterprise, so DC01 alone names its first collector', () => {
    expect(devices[0]?.creditCode).toBe('91140404MA0DEM1X2U');
    expect(findDevice(devices, 'DC01')?.key).toBe('91140404MA0DEM1X2U/DC01');
    expect(findDevice(devices, '91140404ma0dem1x2u/DC02')?.key).toBe('91140404MA0DEM1X2U/DC02');
    expect(findDevice(devices, 'NOPE/DC01')).toBeUndefined();
  });

  it('can be limited to the first N enterprises', () => {
    expect(enterpriseCount(firstEnterprises(devices, 3))).toBe(3);
    expect(firstEnterprises(devices, undefined)).toHaveLength(devices.length);
    expect(firstEnterprises(devices, 1000)).toHaveLength(devices.length);
  });
});

describe('devices of a real installation from a JSON file', () => {
  it('reads credentials and fills the profile’s signals', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zb-sim-'));
    const path = join(dir, 'devices.json');
    writeFileSync(path, JSON.stringify([{ creditCode: '91140404ma0dem1x2u', code: 'A1', secret: 's3cret', collectorType: 'wet' }]));
    expect(fileSimDevices(path)).toEqual([
      expect.objectContaining({
        key: '91140404MA0DEM1X2U/A1',
        kind: 'wet',
        secret: 's3cret',
        reportingIntervalS: 60,
        signals: ['water_level', 'water_flow', 'fan_running'],
      }),
    ]);
    writeFileSync(path, JSON.stringify([{ creditCode: 'X', code: 'A1', collectorType: 'steam' }]));
    expect(() => fileSimDevices(path)).toThrow(/secret[\s\S]*collectorType/);
  });
});
