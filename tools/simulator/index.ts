import { demoSimDevices, findDevice } from './devices.js';
import { type OneShotKind, runOnce } from './once.js';
import { HttpTransport, MqttTransport } from './transport.js';

export { startDemoSimulation } from './demo.js';
/**
 * The simulator's public entry points (tests, e2e journeys, demo mode). The CLI is cli.ts; the pure model and fault
 * script are model.ts, faults.ts, schedule.ts and series.ts.
 */
export { demoSimDevices, fileSimDevices, findDevice, type SimDevice } from './devices.js';
export { expectedRules, FAULT_KINDS, FAULTS, type FaultKind } from './faults.js';
export { ONE_SHOT_KINDS, type OneShotKind, runOnce } from './once.js';
export { Simulation } from './runner.js';
export { HttpTransport, MqttTransport, type Transport } from './transport.js';

/**
 * One scripted fault on a demo device of a running demo server, for browser journeys: e.g.
 * `await triggerDemoFault({ mqttUrl: \`mqtt://127.0.0.1:${server.mqttPort}\`, fault: 'hopper_temp_red' })` raises a red
 * 灰斗温度高 alarm on DC01 of the demo accounts' enterprise within ~8 s and resolves once every reading is committed;
 * `fault: 'clear'` sends healthy readings so the condition clears. Start that server with ZHIBEN_SIMULATE=0 when the
 * journey needs the condition to stay until it says so.
 */
export async function triggerDemoFault(options: {
  mqttUrl?: string;
  httpUrl?: string;
  /** `{creditCode}/{deviceCode}` or a code of the demo accounts' enterprise (default DC01). */
  device?: string;
  fault: OneShotKind;
  holdS?: number;
  seed?: number;
}): Promise<number> {
  const device = findDevice(demoSimDevices(), options.device ?? 'DC01');
  if (!device) throw new Error(`no demo device ${options.device}`);
  if (!options.mqttUrl && !options.httpUrl) throw new Error('triggerDemoFault needs mqttUrl or httpUrl');
  const transport = options.mqttUrl ? new MqttTransport({ url: options.mqttUrl }) : new HttpTransport({ baseUrl: options.httpUrl ?? '' });
  try {
    return await runOnce({ transport, device, fault: options.fault, seed: options.seed ?? 1, holdS: options.holdS ?? 0 });
  } finally {
    await transport.close();
  }
}
