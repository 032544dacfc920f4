import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteWorkerClient } from './client.js';

/** The embedded database on a worker thread behaves as the in-process PGlite the app was written against. */
describe('PGliteWorkerClient', () => {
  let db: PGliteWorkerClient;
  beforeAll(async () => {
    db = await PGliteWorkerClient.open({});
    await db.exec('create table t (id int primary key, note text, at timestamptz default now())');
  });
  afterAll(async () => {
    await db.close();
  });

  it('answers queries in object and array mode, with parameters', async () => {
    const objects = await db.query<{ n: number; s: string; j: { a: number } }>(
      `select $1::int as n, $2::text as s, '{"a":1}'::jsonb as j`,
      [7, 'x'],
    );
    expect(objects.rows).toEqual([{ n: 7, s: 'x', j: { a: 1 } }]);
    const arrays = await db.query<unknown[]>('select 1::int, 2::int', [], { rowMode: 'array' });
    expect(arrays.rows).toEqual([[1, 2]]);
  });

  it("applies the caller's parsers on this side, to the text of their types only", async () => {
    const TIMESTAMPTZ = 1184;
    const result = await db.query<{ at: unknown; n: number }>(`select '2026-01-02 03:04:05+00'::timestamptz as at, 5::int as n`, [], {
      parsers: { [TIMESTAMPTZ]: (text: string) => `parsed:${text}` },
    });
    expect(result.rows).toEqual([{ at: 'parsed:2026-01-02 03:04:05+00', n: 5 }]);
  });

  it('commits a transaction whose function resolves, rolls back one that throws and rethrows its error', async () => {
    await db.transaction(async (tx) => {
      await tx.query('insert into t (id, note) values (1, $1)', ['kept']);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into t (id, note) values (2, $1)', ['lost']);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await db.query<{ id: number }>('select id from t order by id');
    expect(rows).toEqual([{ id: 1 }]);
  });

  it('keeps the SQLSTATE and details of a database error', async () => {
    const error = await db.query('insert into t (id) values (1)').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '23505', constraint: 't_pkey' });
    await expect(db.query('select 1/0')).rejects.toMatchObject({ code: '22012' });
  });

  it('runs transactions one at a time: a statement outside waits for the open one', async () => {
    const order: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = db.transaction(async (tx) => {
      await tx.query('insert into t (id, note) values (10, $1)', ['first']);
      order.push('first inserted');
      await gate;
      order.push('first commits');
    });
    // Give the first transaction time to begin before the second statement is sent.
    await new Promise((r) => setTimeout(r, 50));
    const outside = db.query<{ n: number }>('select count(*)::int as n from t where id = 10').then((r) => {
      order.push(`outside sees ${r.rows[0]?.n}`);
    });
    await new Promise((r) => setTimeout(r, 50));
    release();
    await Promise.all([first, outside]);
    expect(order).toEqual(['first inserted', 'first commits', 'outside sees 1']);
  });

  it('delivers NOTIFY after commit, never from a rolled-back transaction, and stops when unlistened', async () => {
    const heard: string[] = [];
    const stop = await db.listen('worker_test', (payload) => heard.push(payload));
    await db.transaction(async (tx) => {
      await tx.query(`select pg_notify('worker_test', 'committed')`);
    });
    await db
      .transaction(async (tx) => {
        await tx.query(`select pg_notify('worker_test', 'rolled back')`);
        throw new Error('no');
      })
      .catch(() => {});
    await db.query(`select pg_notify('worker_test', 'plain')`);
    await new Promise((r) => setTimeout(r, 50));
    await stop();
    await db.query(`select pg_notify('worker_test', 'after stop')`);
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).toEqual(['committed', 'plain']);
  });

  it('loads COPY data from a blob, and a dump of the data directory opens as a new database with the same rows', async () => {
    await db.exec('create table c (a int, b text)');
    await db.query(`copy c (a, b) from '/dev/blob'`, [], { blob: new Blob(['1\tone\n2\ttwo\n']) });
    expect((await db.query('select a, b from c order by a')).rows).toEqual([
      { a: 1, b: 'one' },
      { a: 2, b: 'two' },
    ]);
    await db.exec('checkpoint');
    const dump = await db.dumpDataDir('none');
    const copy = await PGliteWorkerClient.open({ loadDataDir: dump });
    try {
      expect((await copy.query('select a, b from c order by a')).rows).toEqual([
        { a: 1, b: 'one' },
        { a: 2, b: 'two' },
      ]);
    } finally {
      await copy.close();
    }
  });

  it('refuses work once closed', async () => {
    const other = await PGliteWorkerClient.open({});
    await other.close();
    await expect(other.query('select 1')).rejects.toThrow();
  });
});
