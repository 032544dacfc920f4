import { Worker } from 'node:worker_threads';
import {
  deserializeError,
  type QueryResultMessage,
  type SerializedError,
  type WorkerInit,
  type WorkerRequest,
  type WorkerResponse,
} from './protocol.js';

/**
 * The embedded database (PGlite) on its own thread. PGlite is PostgreSQL compiled to WebAssembly and runs on the
 * thread that calls it: in-process, every statement (the ingestion batches above all) runs on the event loop that also
 * serves HTTP, the MQTT broker and the rule engine, so one core does everything. Here a worker thread owns the PGlite
 * instance and the main thread talks to it by message, so the database and the application use a core each
 * (docs/PERFORMANCE.md measures the difference) and a long statement no longer stalls the web server.
 *
 * The object offers the part of PGlite's interface the app uses — `query`, `exec`, `transaction`, `listen`,
 * `dumpDataDir`, `close` — with the same behaviour, so Drizzle's PGlite driver and the rest of the app take it as a
 * PGlite. Differences: per-type `parsers` are applied on this side to the text the worker sends back (functions
 * cannot cross threads); `serializers` are not supported; errors keep their message, name and primitive fields
 * (SQLSTATE `code`, `detail`, `constraint`, …) but are new Error objects.
 */

type Parser = (value: string, typeId?: number) => unknown;

export interface WorkerQueryOptions {
  rowMode?: 'array' | 'object';
  parsers?: Record<number, Parser>;
  /** For `COPY … FROM '/dev/blob'`. */
  blob?: Blob;
}

export interface WorkerResults<T = Record<string, unknown>> {
  rows: T[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

export interface WorkerTransaction {
  query<T>(sql: string, params?: unknown[], options?: WorkerQueryOptions): Promise<WorkerResults<T>>;
  exec(sql: string): Promise<WorkerResults[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** The worker script next to this file: worker.ts through a loader shim when run from source, as this repository is. */
function workerScript(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './worker-entry.mjs' : './worker.js', import.meta.url);
}

export class PGliteWorkerClient {
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(payload: string) => void>>();
  private nextId = 1;
  private broken: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: WorkerResponse) => this.receive(message));
    worker.on('error', (err) => this.fail(err));
    worker.on('exit', (code) => this.fail(new Error(`the database worker exited (code ${code})`)));
    worker.unref();
  }

  /** Starts the worker and resolves once PGlite is ready (or rejects with why it could not start). */
  static async open(options: { dataDir?: string | undefined; loadDataDir?: Blob | undefined }): Promise<PGliteWorkerClient> {
    const init: WorkerInit = {
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined,
    };
    const worker = new Worker(workerScript(), { workerData: init });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: WorkerResponse) => {
        if (message.kind === 'ready') done(null);
        else if (message.kind === 'failed') done(deserializeError(message.error));
      };
      const onError = (err: Error) => done(err);
      const onExit = (code: number) => done(new Error(`the database worker exited (code ${code}) before it was ready`));
      const done = (err: Error | null) => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (err) reject(err);
        else resolve();
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
    return new PGliteWorkerClient(worker);
  }

  /** Ready once `open` resolved; kept for code written against PGlite. */
  readonly waitReady: Promise<void> = Promise.resolve();

  query<T>(sql: string, params: unknown[] = [], options: WorkerQueryOptions = {}): Promise<WorkerResults<T>> {
    return this.runQuery<T>(null, sql, params, options);
  }

  async exec(sql: string): Promise<WorkerResults[]> {
    return (await this.call({ op: 'exec', tx: null, sql })) as WorkerResults[];
  }

  /** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws (the error is rethrown). */
  async transaction<T>(fn: (tx: WorkerTransaction) => Promise<T>): Promise<T> {
    const id = (await this.call({ op: 'begin' })) as number;
    let closed = false;
    const tx: WorkerTransaction = {
      query: <R>(sql: string, params: unknown[] = [], options: WorkerQueryOptions = {}) => {
        if (closed) return Promise.reject(new Error('Transaction is closed'));
        return this.runQuery<R>(id, sql, params, options);
      },
      exec: async (sql: string) => {
        if (closed) throw new Error('Transaction is closed');
        return (await this.call({ op: 'exec', tx: id, sql })) as WorkerResults[];
      },
      rollback: async () => {
        if (closed) throw new Error('Transaction is closed');
        closed = true;
        await this.call({ op: 'end', tx: id, commit: false });
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (err) {
      if (!closed) {
        closed = true;
        await this.call({ op: 'end', tx: id, commit: false }).catch(() => {});
      }
      throw err;
    }
    if (!closed) {
      closed = true;
      await this.call({ op: 'end', tx: id, commit: true });
    }
    return result;
  }

  /** NOTIFY payloads of `channel`; resolves to the function that stops listening. */
  async listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      await this.call({ op: 'listen', channel });
    }
    set.add(callback);
    return async () => {
      const current = this.listeners.get(channel);
      if (!current?.delete(callback) || current.size > 0) return;
      this.listeners.delete(channel);
      await this.call({ op: 'unlisten', channel });
    };
  }

  async dumpDataDir(compression: 'none' | 'gzip' | 'auto' = 'auto'): Promise<Blob> {
    return new Blob([(await this.call({ op: 'dump', compression })) as ArrayBuffer]);
  }

  async close(): Promise<void> {
    if (!this.broken) await this.call({ op: 'close' }).catch(() => {});
    this.broken ??= new Error('the database is closed');
    await this.worker.terminate();
  }

  private async runQuery<T>(tx: number | null, sql: string, params: unknown[], options: WorkerQueryOptions): Promise<WorkerResults<T>> {
    const parsers = options.parsers ?? {};
    const result = (await this.call({
      op: 'query',
      tx,
      sql,
      params,
      rowMode: options.rowMode ?? 'object',
      rawTypes: Object.keys(parsers).map(Number),
      blob: options.blob ? await options.blob.arrayBuffer() : undefined,
    })) as QueryResultMessage;
    const parsed = result.fields.map((f, index) => ({ index, name: f.name, typeId: f.dataTypeID, parse: parsers[f.dataTypeID] }));
    const custom = parsed.filter((f) => f.parse !== undefined);
    if (custom.length > 0) {
      for (const row of result.rows as Record<string | number, unknown>[]) {
        for (const f of custom) {
          const key = options.rowMode === 'array' ? f.index : f.name;
          const value = row[key];
          if (typeof value === 'string') row[key] = (f.parse as Parser)(value, f.typeId);
        }
      }
    }
    return {
      rows: result.rows as T[],
      fields: result.fields,
      ...(result.affectedRows === undefined ? {} : { affectedRows: result.affectedRows }),
    };
  }

  private call(request: Request): Promise<unknown> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Referenced while a request is outstanding (a script awaiting a query must not exit), not otherwise (an idle
      // database must not keep the process alive, as an in-process PGlite does not).
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  private receive(message: WorkerResponse): void {
    if (message.kind === 'notify') {
      for (const callback of this.listeners.get(message.channel) ?? []) callback(message.payload);
      return;
    }
    if (message.kind !== 'reply') return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.settled(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(deserializeError(message.error as SerializedError));
  }

  private settled(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  private fail(err: Error): void {
    this.broken ??= err;
    for (const [id, pending] of [...this.pending]) {
      this.settled(id);
      pending.reject(err);
    }
  }
}
