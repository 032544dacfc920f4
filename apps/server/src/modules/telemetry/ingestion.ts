import type { IngestRejection, IngestRejectionReason, IngestResult } from '@zhiben/contracts';
import type { Db } from '@zhiben/db';
import type { Clock } from '../../platform/clock.js';
import { type BatchProcessor, BatchWriter, type WriterStats } from './batch-writer.js';
import { type DeviceInfo, DeviceRegistry, type RegistryOptions } from './device-registry.js';
import { checkPayload, decodeJson } from './telemetry.payload.js';

export interface IngestionOptions {
  /** Rows per batch, and how long the first message of a batch may wait (INGEST_BATCH_SIZE / INGEST_BATCH_WAIT_MS). */
  batchSize: number;
  batchWaitMs: number;
  /** Batches written at once (INGEST_BATCH_CONCURRENCY; BatchWriterOptions.concurrency). */
  batchConcurrency: number;
  /** Queued rows beyond which HTTP answers 503 and MQTT publishers are disconnected (they resend). */
  maxQueuedRows: number;
  /** Raw readings older than this are refused (ts_out_of_range) and their partitions dropped (RAW_RETENTION_DAYS). */
  rawRetentionDays: number;
  rollupRetentionDays: number;
  /** How far ahead of the server clock a timestamp may be: device clocks drift, but not by more. */
  futureToleranceMs: number;
  registry?: RegistryOptions;
  log?: { error(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

export const DEFAULT_INGESTION_OPTIONS: IngestionOptions = {
  // Measured (bench/ingest-writer.bench.ts, docs/PERFORMANCE.md): on PostgreSQL 2,000-row batches write ~1.6× the
  // rows/s of 500-row ones. Under ordinary load the 20 ms wait closes a batch long before it is full.
  batchSize: 2_000,
  batchWaitMs: 20,
  batchConcurrency: 1,
  maxQueuedRows: 200_000,
  rawRetentionDays: 30,
  rollupRetentionDays: 400,
  futureToleranceMs: 5 * 60_000,
};

/**
 * Batches written at once by default: 2 on PostgreSQL (the next batch's insert overlaps the previous batch's rule
 * stage and commit, on a second pooled connection); 1 on PGlite, which has one connection.
 */
export const defaultBatchConcurrency = (driver: 'pg' | 'pglite'): number => (driver === 'pg' ? 2 : 1);

/** At most this many rejections are listed in an HTTP answer (all are counted). */
const LISTED_REJECTIONS = 200;
const DAY_MS = 86_400_000;

export interface Who {
  enterpriseId: string | null;
  deviceId: string | null;
}

/**
 * The ingestion pipeline shared by the three sources (embedded broker, external broker, HTTP): device lookup and
 * authentication (registry), payload checks, counting, and the batch writer that acknowledges after commit.
 */
export class Ingestion {
  readonly registry: DeviceRegistry;
  readonly writer: BatchWriter;

  constructor(
    db: Db,
    private readonly clock: Clock,
    readonly options: IngestionOptions,
  ) {
    this.registry = new DeviceRegistry(db, options.registry);
    this.writer = new BatchWriter(db, clock, {
      batchSize: options.batchSize,
      maxWaitMs: options.batchWaitMs,
      concurrency: options.batchConcurrency,
      maxQueuedRows: options.maxQueuedRows,
      ...(options.log ? { log: options.log } : {}),
    });
  }

  /** Plugs a stage into every batch transaction (see BatchProcessor). */
  use(processor: BatchProcessor): void {
    this.writer.use(processor);
  }

  /** Accepted timestamps: not older than raw retention, not further ahead than the tolerance. */
  window(): { minTs: number; maxTs: number } {
    const now = this.clock().getTime();
    return { minTs: now - this.options.rawRetentionDays * DAY_MS, maxTs: now + this.options.futureToleranceMs };
  }

  /** A parsed JSON body from an authenticated device; resolves after the batch holding it committed. */
  async submit(device: DeviceInfo, body: unknown): Promise<IngestResult> {
    const checked = checkPayload(body, device.signals, this.window());
    const rejected: Partial<Record<IngestRejectionReason, number>> = {};
    for (const r of checked.rejections) rejected[r.reason] = (rejected[r.reason] ?? 0) + 1;
    const outcome = await this.writer.write({
      deviceId: device.id,
      enterpriseId: device.enterpriseId,
      readings: checked.readings,
      rejected,
      detail: describe(checked.rejections[0]),
    });
    return {
      accepted: outcome.accepted,
      duplicates: outcome.duplicates,
      rejected: checked.rejections.slice(0, LISTED_REJECTIONS),
      rejectedTotal: checked.rejections.length,
    };
  }

  /** Raw MQTT payload bytes: undecodable JSON is counted as bad_payload (and acknowledged, never retried). */
  async submitRaw(device: DeviceInfo, raw: Buffer): Promise<IngestResult> {
    const decoded = decodeJson(raw);
    if (!decoded.ok) {
      await this.record('bad_payload', { enterpriseId: device.enterpriseId, deviceId: device.id }, decoded.detail);
      return { accepted: 0, duplicates: 0, rejected: [{ reason: 'bad_payload', detail: decoded.detail }], rejectedTotal: 1 };
    }
    return this.submit(device, decoded.value);
  }

  /** Counts a rejection that has no readings (unknown device, wrong topic, …); resolves once the count is committed. */
  async record(reason: IngestRejectionReason, who: Who, detail?: string): Promise<void> {
    await this.writer.write({ ...who, readings: [], rejected: { [reason]: 1 }, detail });
  }

  stats(): WriterStats {
    return this.writer.stats();
  }

  /** Writes what is queued, then refuses new messages. */
  close(): Promise<void> {
    return this.writer.close();
  }
}

function describe(rejection: IngestRejection | undefined): string | undefined {
  if (!rejection) return undefined;
  return [rejection.signal, rejection.detail].filter(Boolean).join(': ') || undefined;
}
