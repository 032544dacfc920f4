/**
 * `npm run simulate -- --enterprises 50 --rate 1 [--url mqtt://127.0.0.1:18830] [--duration 60] [--faults …]`
 * `npm run simulate -- --once --fault hopper_temp_red --device 91140404MA0DEM1X2U/DC01`
 * Usage: cli-args.ts (USAGE). Exit codes: 0 done; 1 nothing could be published (refused, broker down) or a bad
 * argument.
 */
import { ArgsError, parseSimulateArgs, type SimulateArgs, USAGE } from './cli-args.js';
import { demoSimDevices, enterpriseCount, fileSimDevices, findDevice, firstEnterprises, type SimDevice } from './devices.js';
import { runOnce } from './once.js';
import { Simulation } from './runner.js';
import { HttpTransport, MqttTransport, type Transport } from './transport.js';

const stamp = () => new Date().toISOString().slice(11, 19);

function transportOf(args: SimulateArgs, maxPending?: number): Transport {
  return args.transport.kind === 'http'
    ? new HttpTransport({ baseUrl: args.transport.baseUrl, ...(maxPending ? { maxPending } : {}) })
    : new MqttTransport({ url: args.transport.url, ...(maxPending ? { maxPending } : {}) });
}

function devicesOf(args: SimulateArgs): SimDevice[] {
  const all = args.devicesFile ? fileSimDevices(args.devicesFile) : demoSimDevices();
  if (args.enterprises !== undefined && args.enterprises > enterpriseCount(all)) {
    console.log(`note: only ${enterpriseCount(all)} enterprises have devices (asked for ${args.enterprises}); simulating all of them`);
  }
  return firstEnterprises(all, args.enterprises);
}

async function once(args: SimulateArgs, devices: SimDevice[]): Promise<number> {
  const spec = args.once;
  if (!spec) return 1;
  const device = findDevice(devices, spec.device);
  if (!device) {
    console.error(
      `no device ${spec.device}; known: ${devices
        .slice(0, 6)
        .map((d) => d.key)
        .join(', ')}, …`,
    );
    return 1;
  }
  const transport = transportOf(args);
  try {
    const n = await runOnce({
      transport,
      device,
      fault: spec.fault,
      seed: args.seed,
      holdS: spec.holdS,
      log: (line) => console.log(`${stamp()} ${line}`),
    });
    console.log(`${n} readings acknowledged (${transport.description})`);
    return 0;
  } finally {
    await transport.close();
  }
}

async function continuous(args: SimulateArgs, devices: SimDevice[]): Promise<number> {
  const transport = transportOf(args);
  const rate = args.rateHz ? `${args.rateHz} msg/s per device` : 'one message per reporting interval per device';
  console.log(
    `simulating ${devices.length} devices of ${enterpriseCount(devices)} enterprises, ${rate}, seed ${args.seed}, through ${transport.description}`,
  );
  console.log(args.faults.length > 0 ? `faults every ${args.faultEveryS} s: ${args.faults.join(', ')}` : 'no scripted faults');
  const sim = new Simulation({
    devices,
    transport,
    seed: args.seed,
    ...(args.rateHz ? { rateHz: args.rateHz } : {}),
    faults:
      args.faults.length > 0
        ? { kinds: args.faults, everyS: args.faultEveryS, ...(args.faultDurationS ? { durationS: args.faultDurationS } : {}) }
        : null,
    ...(args.durationS ? { durationS: args.durationS } : {}),
    log: args.quiet ? undefined : (line) => console.log(`${stamp()} ${line}`),
  }).start();
  const status = () => {
    const s = sim.stats();
    const faults = s.activeFaults.map((f) => `${f.kind}@${f.device}`).join(' ') || '-';
    console.log(
      `${stamp()} sent ${s.sent} acked ${s.acked} failed ${s.failed} skipped ${s.skipped} refused ${s.refused.length} | faults: ${faults}`,
    );
  };
  const timer = args.quiet ? undefined : setInterval(status, 10_000);
  const stop = () => void sim.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await sim.done;
  clearInterval(timer);
  status();
  const s = sim.stats();
  return s.acked === 0 ? 1 : 0;
}

async function main(): Promise<number> {
  let args: SimulateArgs;
  try {
    args = parseSimulateArgs(process.argv.slice(2), process.env);
  } catch (err) {
    if (err instanceof ArgsError) {
      console.error(`${err.message}\n\n${USAGE}`);
      return 1;
    }
    throw err;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const devices = devicesOf(args);
  if (devices.length === 0) {
    console.error('no devices to simulate');
    return 1;
  }
  return args.once ? once(args, devices) : continuous(args, devices);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
