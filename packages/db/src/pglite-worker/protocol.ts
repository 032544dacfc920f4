/**
 * Messages between the main thread (PGliteWorkerClient) and the worker thread that owns the PGlite instance
 * (worker.ts). Everything crosses by structured clone: SQL text, parameter values, result rows; functions (PGlite's
 * per-type parsers) cannot, so a query names the type OIDs whose values must come back as raw text and the main
 * thread applies the caller's parser functions to them.
 */

export interface WorkerInit {
  /** PGlite data directory; undefined keeps the database in memory. */
  dataDir: string | undefined;
  /** A data-directory tarball (PGlite `dumpDataDir`) to start from. */
  loadDataDir: ArrayBuffer | undefined;
}

export type WorkerRequest =
  | {
      id: number;
      op: 'query';
      /** Inside this open transaction, or null for a statement of its own. */
      tx: number | null;
      sql: string;
      params: unknown[];
      rowMode: 'array' | 'object';
      /** Type OIDs returned as text, unparsed (the caller parses them). */
      rawTypes: number[];
      /** For `COPY … FROM '/dev/blob'`. */
      blob: ArrayBuffer | undefined;
    }
  | { id: number; op: 'exec'; tx: number | null; sql: string }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'listen'; channel: string }
  | { id: number; op: 'unlisten'; channel: string }
  | { id: number; op: 'dump'; compression: 'none' | 'gzip' | 'auto' }
  | { id: number; op: 'close' };

/** An error's message and its primitive fields (SQLSTATE `code`, `detail`, `constraint`, …), rebuilt on the other side. */
export interface SerializedError {
  name: string;
  message: string;
  fields: Record<string, string | number | boolean | null>;
}

export interface QueryResultMessage {
  rows: unknown[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows: number | undefined;
}

export type WorkerResponse =
  | { kind: 'ready' }
  | { kind: 'failed'; error: SerializedError }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: SerializedError }
  | { kind: 'notify'; channel: string; payload: string };

export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err), fields: {} };
  const fields: SerializedError['fields'] = {};
  for (const [key, value] of Object.entries(err)) {
    // Primitives only: PGlite attaches the statement's parameters to its errors, which may be megabytes.
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value as string | number | boolean | null;
  }
  return { name: err.name, message: err.message, fields };
}

export function deserializeError(e: SerializedError): Error {
  const error = new Error(e.message);
  error.name = e.name;
  return Object.assign(error, e.fields);
}
