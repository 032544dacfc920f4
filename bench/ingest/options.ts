import { parseArgs } from 'node:util';

/** `npm run bench:ingest [-- --seconds 60 --rate 10000 --short …]`. */

export const USAGE = `npm run bench:ingest [-- options]

  --seconds N        length of each measured phase (capacity, then at-rate) in seconds (default 60)
  --rate R           readings per second offered in the at-rate phase (default 10000)
  --short            CI mode: 5 s per phase (≈ 10 s of load per database)
  --devices N        MQTT connections / devices (default 1000)
  --window W         capacity phase: QoS 1 messages each client keeps in flight (default 4)
  --faults-per-s F   red hopper-temperature faults injected per second in the at-rate phase (default 4)
  --driver D         pglite, pg or both (default: pglite, and pg too when DATABASE_URL is set)
  --pglite-dir DIR   PGlite data directory, or memory (default: a fresh temporary directory)
  --copy-rows N      rows for the COPY baseline (default: the capacity phase's rows, at most 300000)
  --batch-size N     the ingestion batch size (default: the server's, INGEST_BATCH_SIZE or 2000)
  --concurrency N    batches written at once (default: the server's, 2 on PostgreSQL, 1 on PGlite)
  --cpu-profile DIR  write a V8 CPU profile of the server process during each capacity phase into DIR
Environment: DATABASE_URL (PostgreSQL), MQTT_URL (an external broker instead of the embedded one).`;

export interface BenchOptions {
  seconds: number;
  rate: number;
  devices: number;
  window: number;
  faultsPerS: number;
  drivers: ('pglite' | 'pg')[];
  pgliteDir: string | undefined;
  copyRows: number;
  batchSize: number | undefined;
  concurrency: number | undefined;
  cpuProfileDir: string | undefined;
  help: boolean;
}

export function parseBenchOptions(argv: readonly string[], env: Record<string, string | undefined>): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      seconds: { type: 'string' },
      rate: { type: 'string' },
      short: { type: 'boolean' },
      devices: { type: 'string' },
      window: { type: 'string' },
      'faults-per-s': { type: 'string' },
      driver: { type: 'string' },
      'pglite-dir': { type: 'string' },
      'copy-rows': { type: 'string' },
      'batch-size': { type: 'string' },
      concurrency: { type: 'string' },
      'cpu-profile': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const num = (name: string, raw: string | undefined, fallback: number, min: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} ${raw}: a number ≥ ${min}`);
    return n;
  };
  const driver = values.driver ?? (env.DATABASE_URL ? 'both' : 'pglite');
  if (!['pglite', 'pg', 'both'].includes(driver)) throw new Error(`--driver ${driver}: pglite, pg or both`);
  const drivers: ('pglite' | 'pg')[] = driver === 'both' ? ['pglite', 'pg'] : [driver as 'pglite' | 'pg'];
  if (drivers.includes('pg') && !env.DATABASE_URL) throw new Error('--driver pg needs DATABASE_URL');
  return {
    seconds: values.short ? 5 : num('seconds', values.seconds, 60, 1),
    rate: num('rate', values.rate, 10_000, 1),
    devices: Math.round(num('devices', values.devices, 1000, 1)),
    window: Math.round(num('window', values.window, 4, 1)),
    faultsPerS: num('faults-per-s', values['faults-per-s'], 4, 0),
    drivers,
    pgliteDir: values['pglite-dir'],
    copyRows: Math.round(num('copy-rows', values['copy-rows'], 300_000, 1)),
    batchSize: values['batch-size'] === undefined ? undefined : Math.round(num('batch-size', values['batch-size'], 500, 1)),
    concurrency: values.concurrency === undefined ? undefined : Math.round(num('concurrency', values.concurrency, 1, 1)),
    cpuProfileDir: values['cpu-profile'],
    help: values.help ?? false,
  };
}
