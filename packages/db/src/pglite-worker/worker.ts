/**
 * The worker thread that owns the embedded database (see client.ts for why). It opens PGlite as the main thread asked
 * (workerData: WorkerInit), answers one message per request, and forwards NOTIFY payloads of the channels listened to.
 * Requests run concurrently, exactly as the same calls would on an in-process PGlite: its own mutex orders them, and a
 * statement outside a transaction waits while one is open.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { serializeError, type WorkerInit, type WorkerRequest, type WorkerResponse } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('pglite-worker/worker.ts must run in a worker thread');
const post = (message: WorkerResponse) => port.postMessage(message);

/** Thrown inside a transaction callback to make PGlite roll it back. */
class Rollback extends Error {}

interface OpenTransaction {
  tx: Transaction;
  finish(commit: boolean): void;
  /** Settles when PGlite has committed or rolled back; rejects when COMMIT failed. */
  done: Promise<void>;
}

const init = workerData as WorkerInit;
const db = new PGlite({
  ...(init.dataDir ? { dataDir: init.dataDir } : {}),
  ...(init.loadDataDir ? { loadDataDir: new Blob([init.loadDataDir]) } : {}),
});
const transactions = new Map<number, OpenTransaction>();
const unlisteners = new Map<string, () => Promise<void>>();
let nextTransaction = 1;

const identity = (value: string) => value;

/**
 * Opens a transaction and answers its id once PGlite has run BEGIN (possibly after another transaction ended: PGlite
 * runs one at a time). The callback then waits for `end`: commit returns normally, rollback throws Rollback.
 */
function begin(): Promise<number> {
  const id = nextTransaction++;
  return new Promise<number>((resolveBegin, rejectBegin) => {
    let finish: (commit: boolean) => void = () => {};
    const decided = new Promise<boolean>((resolve) => {
      finish = resolve;
    });
    let started = false;
    const done: Promise<void> = db
      .transaction(async (tx) => {
        started = true;
        transactions.set(id, { tx, finish, done });
        resolveBegin(id);
        if (!(await decided)) throw new Rollback();
      })
      .then(
        () => undefined,
        (err: unknown) => {
          if (!started) rejectBegin(err);
          else if (!(err instanceof Rollback)) throw err;
        },
      );
  });
}

async function end(id: number, commit: boolean): Promise<void> {
  const open = transactions.get(id);
  if (!open) return; // already ended (a failed COMMIT is followed by the caller's rollback)
  transactions.delete(id);
  open.finish(commit);
  await open.done;
}

function transactionOf(id: number | null): Transaction | PGlite {
  if (id === null) return db;
  const open = transactions.get(id);
  if (!open) throw new Error(`transaction ${id} is not open`);
  return open.tx;
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case 'query': {
      const target = transactionOf(request.tx);
      const result = await target.query(request.sql, request.params, {
        rowMode: request.rowMode,
        parsers: Object.fromEntries(request.rawTypes.map((oid) => [oid, identity])),
        ...(request.blob ? { blob: new Blob([request.blob]) } : {}),
      });
      return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
    }
    case 'exec': {
      const results = await transactionOf(request.tx).exec(request.sql);
      return results.map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows }));
    }
    case 'begin':
      return begin();
    case 'end':
      return end(request.tx, request.commit);
    case 'listen': {
      if (unlisteners.has(request.channel)) return undefined;
      const channel = request.channel;
      unlisteners.set(channel, await db.listen(channel, (payload) => post({ kind: 'notify', channel, payload })));
      return undefined;
    }
    case 'unlisten': {
      const stop = unlisteners.get(request.channel);
      unlisteners.delete(request.channel);
      await stop?.();
      return undefined;
    }
    case 'dump': {
      const dump = await db.dumpDataDir(request.compression);
      return await dump.arrayBuffer();
    }
    case 'close':
      await db.close();
      return undefined;
  }
}

db.waitReady.then(
  () => {
    port.on('message', (request: WorkerRequest) => {
      handle(request).then(
        (value) => post({ kind: 'reply', id: request.id, ok: true, value }),
        (err: unknown) => post({ kind: 'reply', id: request.id, ok: false, error: serializeError(err) }),
      );
    });
    post({ kind: 'ready' });
  },
  (err: unknown) => post({ kind: 'failed', error: serializeError(err) }),
);
