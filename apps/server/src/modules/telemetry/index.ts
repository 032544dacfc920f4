import type { Ingestion } from './ingestion.js';

export {
  type BatchContext,
  type BatchProcessor,
  IngestBusyError,
  type StoredReading,
  shanghaiDay,
  type WriterStats,
} from './batch-writer.js';
export { type DeviceInfo, DeviceRegistry, parseDeviceKey } from './device-registry.js';
export { DEFAULT_INGESTION_OPTIONS, defaultBatchConcurrency, Ingestion, type IngestionOptions } from './ingestion.js';
export { serveEmbeddedBroker } from './mqtt-embedded.js';
export { type ExternalSubscriber, parseTelemetryTopic, startExternalSubscriber } from './mqtt-external.js';
export { ensurePartitions, maintainPartitions, type RetentionOptions } from './partitions.js';
export { plainArray, textArray } from './sql-arrays.js';
export { startTelemetryJobs } from './telemetry.jobs.js';
export { telemetryRoutes } from './telemetry.routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The telemetry pipeline (one per app): HTTP ingestion, the brokers and the device registry share it. */
    ingestion: Ingestion;
  }
}
