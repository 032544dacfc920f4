/**
 * Messages between the benchmark (parent: server, database, measurements) and its publisher (a child process, so the
 * load generator has its own event loop and core instead of competing with the server's).
 */

/** What every bench device reports (a dry collector with a fan signal: the combination rules run too). */
export const BENCH_SIGNALS = ['hopper_temp', 'diff_pressure', 'airlock_fault', 'fan_running'] as const;

export interface BenchDevice {
  key: string;
  secret: string;
  topic: string;
}

export interface PublisherConfig {
  url: string;
  devices: BenchDevice[];
  seed: number;
  /** Unacknowledged messages per client: the closed-loop window (capacity) and the skip limit (rate). */
  window: number;
  inflightCap: number;
}

/** closed: each client keeps `window` messages in flight (back-pressure = acknowledgement after commit). open: paced. */
export interface PhaseRequest {
  type: 'run';
  phase: string;
  seconds: number;
  mode: 'closed' | 'open';
  /** open mode: readings per second offered (4 readings per message). */
  readingsPerS?: number;
  /** Fault injections: the device's next message after `atMs` (from the phase start) carries a red hopper temperature. */
  faults?: { device: number; atMs: number }[];
}

export type ParentMessage = { type: 'connect'; config: PublisherConfig } | PhaseRequest | { type: 'close' };

export interface PhaseResult {
  phase: string;
  /** Epoch ms (performance.timeOrigin + now) when publishing began and stopped; drained = last acknowledgement. */
  startedAt: number;
  stoppedAt: number;
  drainedAt: number;
  sentMessages: number;
  ackedMessages: number;
  /** open mode: messages not sent because their client had `inflightCap` unacknowledged ones. */
  skippedMessages: number;
  errors: number;
  firstError: string | null;
  readingsPerMessage: number;
  /** publish → PUBACK, ms, every acknowledged message of the phase. */
  ackMs: number[];
  /** Earliest and latest reading timestamps sent (epoch ms). */
  firstTs: number;
  lastTs: number;
  faults: { device: number; publishedAt: number; ts: number }[];
}

export type ChildMessage =
  | { type: 'connected'; ms: number; clients: number }
  | { type: 'started'; phase: string; at: number }
  | { type: 'stopped'; phase: string; at: number }
  | { type: 'done'; result: PhaseResult }
  | { type: 'error'; message: string };

/** Epoch milliseconds with sub-millisecond resolution, comparable across processes on one machine. */
export const preciseNow = () => performance.timeOrigin + performance.now();
