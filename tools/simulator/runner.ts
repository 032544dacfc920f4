import type { SimDevice } from './devices.js';
import { expectedRules, FAULTS, type FaultKind } from './faults.js';
import { faultPlan, type PlannedFault } from './schedule.js';
import { emit, type FaultWindow, type Feed, newFeed, payload } from './series.js';
import { BackPressureError, RefusedError, type Transport } from './transport.js';

/**
 * A continuous simulation: every device reports on its own period (with a seeded phase, so they do not all speak at
 * once), the fault plan (schedule.ts) puts faults on top, and the transport carries the messages. The only clock is
 * here; the values come from the pure feed (series.ts).
 */

export interface FaultOptions {
  kinds: readonly FaultKind[];
  everyS: number;
  firstAfterS?: number;
  durationS?: number;
}

export interface SimulationOptions {
  devices: readonly SimDevice[];
  transport: Transport;
  seed: number;
  /** Messages per device per second; default: one per the device's reporting interval. */
  rateHz?: number;
  faults?: FaultOptions | null;
  /** Stop after this many seconds (default: run until stop()). */
  durationS?: number;
  /** Scheduler resolution (default 100 ms). */
  tickMs?: number;
  log?: (line: string) => void;
  now?: () => number;
}

export interface SimulationStats {
  devices: number;
  sent: number;
  acked: number;
  failed: number;
  /** Readings not sent because the device already had too many unacknowledged ones. */
  skipped: number;
  /** Devices whose credentials the platform refused. */
  refused: string[];
  faultsStarted: number;
  activeFaults: { device: string; kind: FaultKind; untilMs: number }[];
  lastError: string | null;
}

interface DeviceRun {
  device: SimDevice;
  feed: Feed;
  periodMs: number;
  nextDue: number;
  lastTs: number;
  fault: FaultWindow | null;
}

export class Simulation {
  private readonly runs: DeviceRun[];
  private readonly byKey = new Map<string, DeviceRun>();
  private readonly plan: Iterator<PlannedFault> | null;
  private nextFault: PlannedFault | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stopTimer: NodeJS.Timeout | undefined;
  private readonly inflight = new Set<Promise<void>>();
  private readonly counts = { sent: 0, acked: 0, failed: 0, skipped: 0, faultsStarted: 0 };
  private readonly refused = new Set<string>();
  private lastError: string | null = null;
  private errorsLogged = 0;
  private stopping: Promise<void> | undefined;
  private resolveDone: () => void = () => {};
  /** Resolves once the simulation has stopped (duration over, stop() called, or every device refused). */
  readonly done: Promise<void>;

  constructor(private readonly options: SimulationOptions) {
    const now = this.now();
    this.runs = options.devices.map((device, i) => {
      const periodMs = Math.max(10, Math.round(1000 / (options.rateHz ?? 1 / device.reportingIntervalS)));
      // Spread the devices over one period, in list order: the same every run.
      const run: DeviceRun = {
        device,
        feed: newFeed(options.seed, device),
        periodMs,
        nextDue: now + Math.round((periodMs * i) / Math.max(1, options.devices.length)),
        lastTs: 0,
        fault: null,
      };
      this.byKey.set(device.key, run);
      return run;
    });
    this.plan = options.faults
      ? faultPlan({
          devices: options.devices,
          kinds: options.faults.kinds,
          seed: options.seed,
          startMs: now,
          everyS: options.faults.everyS,
          ...(options.faults.firstAfterS !== undefined ? { firstAfterS: options.faults.firstAfterS } : {}),
          ...(options.faults.durationS !== undefined ? { durationS: options.faults.durationS } : {}),
        })
      : null;
    this.nextFault = this.plan?.next().value ?? null;
    this.done = new Promise((resolve) => {
      this.resolveDone = resolve;
    });
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  start(): this {
    this.timer = setInterval(() => this.tick(), this.options.tickMs ?? 100);
    if (this.options.durationS !== undefined) this.stopTimer = setTimeout(() => void this.stop(), this.options.durationS * 1000);
    this.tick();
    return this;
  }

  stats(): SimulationStats {
    return {
      devices: this.runs.length,
      ...this.counts,
      refused: [...this.refused],
      activeFaults: this.runs.flatMap((r) => (r.fault ? [{ device: r.device.key, kind: r.fault.kind, untilMs: r.fault.endMs }] : [])),
      lastError: this.lastError,
    };
  }

  /** Stops scheduling, waits (up to `graceMs`) for messages awaiting acknowledgement, closes the transport. */
  stop(graceMs = 5_000): Promise<void> {
    this.stopping ??= (async () => {
      clearInterval(this.timer);
      clearTimeout(this.stopTimer);
      const pending = Promise.allSettled([...this.inflight]);
      await Promise.race([pending, new Promise((r) => setTimeout(r, graceMs).unref())]);
      await this.options.transport.close().catch(() => {});
      this.resolveDone();
    })();
    return this.stopping;
  }

  private tick(): void {
    if (this.stopping) return;
    const now = this.now();
    this.advanceFaults(now);
    for (const run of this.runs) {
      if (run.nextDue > now) continue;
      run.nextDue += run.periodMs;
      // Fallen behind (a busy machine, a suspended laptop): skip ahead instead of bursting.
      if (run.nextDue <= now) run.nextDue = now + run.periodMs;
      if (this.refused.has(run.device.key)) continue;
      this.publish(run, now);
    }
  }

  private advanceFaults(now: number): void {
    while (this.nextFault && this.nextFault.startMs <= now) {
      const f = this.nextFault;
      const run = this.byKey.get(f.deviceKey);
      if (run) {
        run.fault = { kind: f.kind, startMs: f.startMs, endMs: f.endMs };
        this.counts.faultsStarted++;
        const raises = expectedRules(f.kind, run.device).join(', ');
        this.log(
          `故障 fault #${f.index + 1} ${f.kind} (${FAULTS[f.kind].label}) on ${f.deviceKey} for ${Math.round((f.endMs - f.startMs) / 1000)} s — expect ${raises}`,
        );
        // A device that goes offline drops its connection, as a gateway losing power or network does.
        if (f.kind === 'offline') this.options.transport.disconnect(run.device);
      }
      this.nextFault = this.plan?.next().value ?? null;
    }
    for (const run of this.runs) {
      if (run.fault && now >= run.fault.endMs) {
        this.log(`故障结束 fault over: ${run.fault.kind} on ${run.device.key}`);
        run.fault = null;
      }
    }
  }

  private publish(run: DeviceRun, now: number): void {
    // Strictly increasing per device: (device, signal, ts) is the storage key, an equal ts would be a duplicate.
    const ts = Math.max(now, run.lastTs + 1);
    const emitted = emit(run.feed, ts, run.fault);
    run.feed = emitted.feed;
    if (!emitted.values) return;
    run.lastTs = ts;
    this.counts.sent++;
    const sending = this.options.transport.publish(run.device, payload(ts, emitted.values)).then(
      () => {
        this.counts.acked++;
      },
      (err: unknown) => this.onError(run.device, err),
    );
    this.inflight.add(sending);
    void sending.finally(() => this.inflight.delete(sending));
  }

  private onError(device: SimDevice, err: unknown): void {
    if (err instanceof BackPressureError) {
      this.counts.skipped++;
      return;
    }
    if (err instanceof RefusedError) {
      if (!this.refused.has(device.key)) {
        this.refused.add(device.key);
        this.log(`拒绝 refused: ${err.message}`);
      }
      this.counts.failed++;
      if (this.refused.size === this.runs.length) {
        this.log('every device was refused: is the server running in demo mode (ZHIBEN_DEMO=1) with its demo devices seeded?');
        void this.stop(0);
      }
      return;
    }
    this.counts.failed++;
    this.lastError = err instanceof Error ? err.message : String(err);
    // The first few errors in full, then a reminder now and then: a broker restart must not flood the console.
    this.errorsLogged++;
    if (this.errorsLogged <= 5 || this.errorsLogged % 1000 === 0)
      this.log(`发送失败 publish failed (${this.errorsLogged}): ${this.lastError}`);
  }
}
