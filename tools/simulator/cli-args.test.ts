import { describe, expect, it } from 'vitest';
import { ArgsError, parseSimulateArgs } from './cli-args.js';
import { demoSimulationSettings, localHost } from './demo.js';
import { FAULT_KINDS } from './faults.js';

describe('npm run simulate arguments', () => {
  it('reads the documented example', () => {
    const args = parseSimulateArgs([
      '--enterprises',
      '50',
      '--rate',
      '1',
      '--url',
      'mqtt://127.0.0.1:18830',
      '--duration',
      '60',
      '--faults',
      'offline,stuck',
    ]);
    expect(args).toMatchObject({
      enterprises: 50,
      rateHz: 1,
      transport: { kind: 'mqtt', url: 'mqtt://127.0.0.1:18830' },
      durationS: 60,
      faults: ['offline', 'stuck'],
      seed: 1,
      once: null,
    });
  });

  it('defaults to the broker of the environment, every fault kind, and the device interval', () => {
    expect(parseSimulateArgs([], { MQTT_URL: 'mqtt://broker:1883' }).transport).toEqual({ kind: 'mqtt', url: 'mqtt://broker:1883' });
    expect(parseSimulateArgs([], { MQTT_PORT: '18830' }).transport).toEqual({ kind: 'mqtt', url: 'mqtt://127.0.0.1:18830' });
    const args = parseSimulateArgs([]);
    expect(args.transport).toEqual({ kind: 'mqtt', url: 'mqtt://127.0.0.1:1883' });
    expect(args.faults).toEqual([...FAULT_KINDS]);
    expect(args.rateHz).toBeUndefined();
    expect(parseSimulateArgs(['--faults', 'none']).faults).toEqual([]);
    expect(parseSimulateArgs(['--http', 'http://127.0.0.1:3000/']).transport).toEqual({ kind: 'http', baseUrl: 'http://127.0.0.1:3000' });
  });

  it('reads a one-shot fault', () => {
    expect(parseSimulateArgs(['--once', '--fault', 'hopper_temp_red', '--device', '91140404MA0DEM1X2U/DC02', '--hold', '5']).once).toEqual({
      fault: 'hopper_temp_red',
      device: '91140404MA0DEM1X2U/DC02',
      holdS: 5,
    });
    expect(parseSimulateArgs(['--once', '--fault', 'clear']).once).toEqual({ fault: 'clear', device: 'DC01', holdS: 0 });
  });

  it('reports every bad argument at once', () => {
    const bad = () =>
      parseSimulateArgs([
        '--rate',
        '0',
        '--enterprises',
        '2.5',
        '--faults',
        'fire,offline',
        '--url',
        'http://x',
        '--http',
        'ftp://y',
        '--fault',
        'offline',
      ]);
    expect(bad).toThrow(ArgsError);
    try {
      bad();
    } catch (err) {
      const problems = (err as ArgsError).problems.join('\n');
      for (const part of [
        '--rate 0',
        '--enterprises 2.5',
        'unknown fire',
        '--url http://x',
        '--http ftp://y',
        'choose one',
        'belong to --once',
      ]) {
        expect(problems).toContain(part);
      }
    }
    expect(() => parseSimulateArgs(['--once', '--fault', 'offline'])).toThrow(/one of hopper_temp_red/);
    expect(() => parseSimulateArgs(['--once'])).toThrow(/needs --fault/);
    expect(() => parseSimulateArgs(['--frobnicate'])).toThrow(ArgsError);
  });
});

describe('demo-mode settings', () => {
  it('are on by default with every fault every 4 minutes, and off with ZHIBEN_SIMULATE=0', () => {
    expect(demoSimulationSettings({})).toEqual({
      enabled: true,
      enterprises: undefined,
      faults: [...FAULT_KINDS],
      faultEveryS: 240,
      seed: 1,
    });
    expect(demoSimulationSettings({ ZHIBEN_SIMULATE: '0' }).enabled).toBe(false);
    expect(
      demoSimulationSettings({
        ZHIBEN_SIMULATE_ENTERPRISES: '3',
        ZHIBEN_SIMULATE_FAULTS: 'hopper_temp_red',
        ZHIBEN_SIMULATE_FAULT_EVERY_S: '30',
      }),
    ).toMatchObject({ enterprises: 3, faults: ['hopper_temp_red'], faultEveryS: 30 });
    expect(demoSimulationSettings({ ZHIBEN_SIMULATE_FAULTS: 'none' }).faults).toEqual([]);
  });

  it('refuse bad values by name, like the rest of the configuration', () => {
    let message = '';
    try {
      demoSimulationSettings({ ZHIBEN_SIMULATE: 'yes', ZHIBEN_SIMULATE_ENTERPRISES: '0', ZHIBEN_SIMULATE_FAULTS: 'fire' });
    } catch (err) {
      expect((err as Error).name).toBe('ConfigError');
      message = (err as Error).message;
    }
    for (const name of ['ZHIBEN_SIMULATE:', 'ZHIBEN_SIMULATE_ENTERPRISES:', 'ZHIBEN_SIMULATE_FAULTS:']) expect(message).toContain(name);
  });

  it('connect to loopback when the server listens on a wildcard address', () => {
    expect(localHost('0.0.0.0')).toBe('127.0.0.1');
    expect(localHost('::')).toBe('127.0.0.1');
    expect(localHost('127.0.0.1')).toBe('127.0.0.1');
    expect(localHost('::1')).toBe('[::1]');
  });
});
