import { parseArgs } from 'node:util';
import { FAULT_KINDS, type FaultKind, isFaultKind } from './faults.js';
import { isOneShotKind, type OneShotKind } from './once.js';

/** `npm run simulate -- …` arguments, checked in one place; every problem is reported at once. */

export const USAGE = `npm run simulate -- [options]

Publishes realistic dust-collector telemetry for the demo 粉尘涉爆 enterprises (a server seeded with ZHIBEN_DEMO=1).

  --enterprises N      the first N demo enterprises with devices (default: all)
  --rate R             messages per device per second (default: one per the device's reporting interval, 10 s)
  --url URL            MQTT broker (default: $MQTT_URL, else mqtt://127.0.0.1:$MQTT_PORT, else :1883)
  --http URL           publish through POST {URL}/api/v1/telemetry instead of MQTT
  --duration S         stop after S seconds (default: until Ctrl-C)
  --seed N             same seed → same series and the same fault script (default 1)
  --faults LIST        fault kinds to script, comma-separated, or all / none (default all):
                       ${FAULT_KINDS.join(', ')}
  --fault-every S      seconds between scripted faults (default 60)
  --fault-duration S   length of every fault (default: per kind, 2–5 min)
  --devices FILE       devices of a real installation: JSON [{creditCode, code, secret, collectorType, …}]
  --once               one scripted fault on one device, then exit:
    --fault KIND       hopper_temp_red, dp_spike, airlock_fault, water_low, flow_stop, or clear (healthy readings)
    --device REF       {creditCode}/{deviceCode}, or a device code of the first enterprise (default DC01)
    --hold S           keep sending the fault state for S more seconds
  --quiet              no per-fault and status lines
  --help`;

export interface SimulateArgs {
  enterprises: number | undefined;
  rateHz: number | undefined;
  transport: { kind: 'mqtt'; url: string } | { kind: 'http'; baseUrl: string };
  durationS: number | undefined;
  seed: number;
  faults: FaultKind[];
  faultEveryS: number;
  faultDurationS: number | undefined;
  devicesFile: string | undefined;
  once: { fault: OneShotKind; device: string; holdS: number } | null;
  quiet: boolean;
  help: boolean;
}

export class ArgsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ArgsError';
  }
}

export function parseSimulateArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): SimulateArgs {
  const { values } = parseOrExplain(argv);
  const problems: string[] = [];
  const number = (name: string, raw: string | undefined, check: (n: number) => boolean, rule: string): number | undefined => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || !check(n)) {
      problems.push(`--${name} ${raw}: ${rule}`);
      return undefined;
    }
    return n;
  };

  const enterprises = number('enterprises', values.enterprises, (n) => Number.isInteger(n) && n >= 1, 'a whole number ≥ 1');
  const rateHz = number('rate', values.rate, (n) => n > 0 && n <= 100, 'messages per device per second, > 0 and ≤ 100');
  const durationS = number('duration', values.duration, (n) => n > 0, 'seconds, > 0');
  const seed = number('seed', values.seed, (n) => Number.isInteger(n) && n >= 0, 'a whole number ≥ 0') ?? 1;
  const faultEveryS = number('fault-every', values['fault-every'], (n) => n >= 1, 'seconds, ≥ 1') ?? 60;
  const faultDurationS = number('fault-duration', values['fault-duration'], (n) => n >= 1, 'seconds, ≥ 1');
  const holdS = number('hold', values.hold, (n) => n >= 0, 'seconds, ≥ 0') ?? 0;

  let faults: FaultKind[] = [...FAULT_KINDS];
  const list = values.faults?.trim();
  if (list === 'none') faults = [];
  else if (list && list !== 'all') {
    const names = list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = names.filter((n) => !isFaultKind(n));
    if (unknown.length > 0) problems.push(`--faults: unknown ${unknown.join(', ')} (known: ${FAULT_KINDS.join(', ')})`);
    faults = names.filter(isFaultKind);
  }

  if (values.url && values.http) problems.push('--url and --http: choose one transport');
  for (const [name, raw, pattern] of [
    ['url', values.url, /^(mqtts?|wss?):\/\//],
    ['http', values.http, /^https?:\/\//],
  ] as const) {
    if (raw !== undefined && !pattern.test(raw))
      problems.push(`--${name} ${raw}: must start with ${name === 'url' ? 'mqtt:// (or mqtts://, ws://, wss://)' : 'http:// or https://'}`);
  }
  const transport: SimulateArgs['transport'] = values.http
    ? { kind: 'http', baseUrl: values.http.replace(/\/+$/, '') }
    : { kind: 'mqtt', url: values.url ?? env.MQTT_URL ?? `mqtt://127.0.0.1:${env.MQTT_PORT ?? 1883}` };

  let once: SimulateArgs['once'] = null;
  if (values.once) {
    if (!values.fault) problems.push('--once needs --fault KIND');
    else if (!isOneShotKind(values.fault))
      problems.push(`--fault ${values.fault}: one of hopper_temp_red, dp_spike, airlock_fault, water_low, flow_stop, clear`);
    else once = { fault: values.fault, device: values.device ?? 'DC01', holdS };
  } else if (values.fault || values.device || values.hold) {
    problems.push('--fault, --device and --hold belong to --once');
  }

  if (problems.length > 0 && !values.help) throw new ArgsError(problems);
  return {
    enterprises,
    rateHz,
    transport,
    durationS,
    seed,
    faults,
    faultEveryS,
    faultDurationS,
    devicesFile: values.devices,
    once,
    quiet: values.quiet ?? false,
    help: values.help ?? false,
  };
}

function parseOrExplain(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        enterprises: { type: 'string' },
        rate: { type: 'string' },
        url: { type: 'string' },
        http: { type: 'string' },
        duration: { type: 'string' },
        seed: { type: 'string' },
        faults: { type: 'string' },
        'fault-every': { type: 'string' },
        'fault-duration': { type: 'string' },
        devices: { type: 'string' },
        once: { type: 'boolean' },
        fault: { type: 'string' },
        device: { type: 'string' },
        hold: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (err) {
    // Unknown option, missing value: node's message names the option.
    throw new ArgsError([(err as Error).message]);
  }
}
