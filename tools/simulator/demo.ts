import type { AddressInfo } from 'node:net';
import { ConfigError } from '../../apps/server/src/platform/config.js';
import { demoSimDevices, enterpriseCount, firstEnterprises } from './devices.js';
import { FAULT_KINDS, type FaultKind, isFaultKind } from './faults.js';
import { Simulation } from './runner.js';
import { HttpTransport, MqttTransport } from './transport.js';

/**
 * Demo mode (`npm start`, ZHIBEN_DEMO=1): a small simulation inside the server process so the monitoring screens
 * are alive — every demo device reports once per its reporting interval (10 s; ≈ 5 messages/s for the 50 demo
 * devices, negligible load), and a scripted fault starts every few minutes on the next device in turn. The devices
 * log in like real ones (embedded broker, or HTTP when the server uses an external broker), so the whole ingestion
 * and alarm path runs.
 *
 * Environment (read here, not in platform/config.ts, because only demo mode uses it):
 *   ZHIBEN_SIMULATE=0                      off (tests that want a quiet demo server)
 *   ZHIBEN_SIMULATE_ENTERPRISES=N          only the first N demo enterprises (default: all)
 *   ZHIBEN_SIMULATE_FAULTS=a,b | none      fault kinds to script (default: all)
 *   ZHIBEN_SIMULATE_FAULT_EVERY_S=S        seconds between faults (default 240; the first after 60 s)
 *   ZHIBEN_SIMULATE_SEED=N                 which devices and faults the script picks (default 1)
 */

export interface DemoSimulationSettings {
  enabled: boolean;
  enterprises: number | undefined;
  faults: FaultKind[];
  faultEveryS: number;
  seed: number;
}

export function demoSimulationSettings(env: Record<string, string | undefined>): DemoSimulationSettings {
  const problems: string[] = [];
  const int = (name: string, min: number): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) {
      problems.push(`${name}: 须为不小于 ${min} 的整数 (a whole number ≥ ${min})`);
      return undefined;
    }
    return n;
  };
  const flag = env.ZHIBEN_SIMULATE ?? '1';
  if (!['0', '1', 'true', 'false'].includes(flag)) problems.push('ZHIBEN_SIMULATE: 只能是 0 或 1');
  let faults: FaultKind[] = [...FAULT_KINDS];
  const list = env.ZHIBEN_SIMULATE_FAULTS?.trim();
  if (list === 'none') faults = [];
  else if (list && list !== 'all') {
    const names = list.split(',').map((s) => s.trim());
    const unknown = names.filter((n) => !isFaultKind(n));
    if (unknown.length > 0)
      problems.push(`ZHIBEN_SIMULATE_FAULTS: 未知的故障 ${unknown.join(', ')}（可选 ${FAULT_KINDS.join(', ')}、none）`);
    faults = names.filter(isFaultKind);
  }
  const settings = {
    enabled: flag === '1' || flag === 'true',
    enterprises: int('ZHIBEN_SIMULATE_ENTERPRISES', 1),
    faults,
    faultEveryS: int('ZHIBEN_SIMULATE_FAULT_EVERY_S', 10) ?? 240,
    seed: int('ZHIBEN_SIMULATE_SEED', 0) ?? 1,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return settings;
}

export interface DemoSimulationOptions {
  env: Record<string, string | undefined>;
  /** The address the server listens on (HOST); a wildcard means "connect to loopback". */
  host: string;
  /** The embedded broker's port, when this process serves devices on it; otherwise the HTTP path is used. */
  mqttPort?: number | undefined;
  /** The HTTP server's address (app.server.address(): the real port also when PORT=0). */
  httpAddress: AddressInfo | string | null;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

/** Where a client on this machine reaches a server listening on `host`. */
export function localHost(host: string): string {
  if (host === '' || host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export interface DemoSimulation {
  /** One line for the start-up banner. */
  description: string;
  stop(): Promise<void>;
}

/** Starts the demo simulation, or returns null when ZHIBEN_SIMULATE=0. Does not wait for devices to connect. */
export function startDemoSimulation(options: DemoSimulationOptions): DemoSimulation | null {
  const settings = demoSimulationSettings(options.env);
  if (!settings.enabled) return null;
  const devices = firstEnterprises(demoSimDevices(), settings.enterprises);
  const host = localHost(options.host);
  const httpPort = typeof options.httpAddress === 'object' && options.httpAddress ? options.httpAddress.port : 3000;
  const transport = options.mqttPort
    ? new MqttTransport({ url: `mqtt://${host}:${options.mqttPort}`, clientIdPrefix: 'zhiben-demo', maxPending: 20 })
    : new HttpTransport({ baseUrl: `http://${host}:${httpPort}`, maxPending: 5 });
  const sim = new Simulation({
    devices,
    transport,
    seed: settings.seed,
    faults: settings.faults.length > 0 ? { kinds: settings.faults, everyS: settings.faultEveryS, firstAfterS: 60 } : null,
    // Once a second is plenty for 10 s reporting intervals.
    tickMs: 1_000,
    log: (line) => options.log.info({ simulator: true }, line),
  }).start();
  const faults = settings.faults.length > 0 ? `一次故障/${settings.faultEveryS} s` : '无故障';
  return {
    description: `${devices.length} 台除尘器 / ${enterpriseCount(devices)} 家企业，${faults}（${transport.description}；ZHIBEN_SIMULATE=0 关闭）`,
    stop: () => sim.stop(2_000),
  };
}
