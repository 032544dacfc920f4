import { type DbHandle, ESCALATION_RULES, openDatabase, runMigrations, seedEscalationRules } from '@zhiben/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotificationJobs } from '../src/modules/notifications/index.js';
import { advisoryJobLock, isValidCron, startScheduler } from '../src/platform/scheduler.js';
import { openTestDb } from './harness.js';

/** The scheduler: no overlapping runs in a process; on PostgreSQL one instance per tick (advisory lock). */
let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle?.close());

const gate = () => {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
};

describe('scheduler', () => {
  it('skips a run while the previous one is still going, and hands the job its clock', async () => {
    const g = gate();
    const seen: Date[] = [];
    const at = new Date('2031-05-05T05:05:05Z');
    const scheduler = startScheduler(
      [
        {
          name: 'slow',
          schedule: '0 0 1 1 *',
          run: async (now) => {
            seen.push(now);
            await g.opened;
            return { done: 1 };
          },
        },
      ],
      { clock: () => at, lock: advisoryJobLock(handle.db) },
    );
    const first = scheduler.runNow('slow');
    expect(await scheduler.runNow('slow')).toEqual({ status: 'skipped', reason: 'overlap' });
    g.open();
    expect(await first).toMatchObject({ status: 'ran', value: { done: 1 } });
    expect(seen).toEqual([at]);
    expect((await scheduler.runNow('slow')).status).toBe('ran');
    await scheduler.stop();
  });

  it('reports a failing job without stopping the scheduler', async () => {
    const scheduler = startScheduler([{ name: 'boom', schedule: '0 0 1 1 *', run: () => Promise.reject(new Error('boom')) }], {
      clock: () => new Date(),
      lock: advisoryJobLock(handle.db),
    });
    expect((await scheduler.runNow('boom')).status).toBe('failed');
    expect((await scheduler.runNow('boom')).status).toBe('failed');
    await scheduler.stop();
  });

  it('lets one instance hold the advisory lock on PostgreSQL (PGlite: one process, so it always runs)', async () => {
    const a = advisoryJobLock(handle.db);
    const b = advisoryJobLock(handle.db);
    const g = gate();
    const key = 72_119_000 + Math.floor(Math.random() * 1000);
    const holder = a.tryRun(key, async () => {
      await g.opened;
      return 'a';
    });
    await new Promise((r) => setTimeout(r, 100));
    const second = await b.tryRun(key, async () => 'b');
    g.open();
    expect(await holder).toEqual({ ran: true, value: 'a' });
    expect(second).toEqual(handle.driver === 'pg' ? { ran: false } : { ran: true, value: 'b' });
    // Released afterwards.
    expect(await b.tryRun(key, async () => 'again')).toEqual({ ran: true, value: 'again' });
  });

  it('validates cron patterns (config)', () => {
    expect(isValidCron('*/5 * * * *')).toBe(true);
    expect(isValidCron('*/30 * * * * *')).toBe(true);
    expect(isValidCron('every five minutes')).toBe(false);
  });

  it('runs the notification jobs on demand with the injected clock', async () => {
    // The jobs sweep and deliver everything due, which must not touch other files' rows: on a shared PostgreSQL
    // database this test uses a private in-memory one (PGlite databases are per file already).
    const own = handle.driver === 'pglite' ? undefined : await openDatabase({});
    if (own) {
      await runMigrations(own);
      await seedEscalationRules(own.db, ESCALATION_RULES);
    }
    const jobs = startNotificationJobs({
      db: (own ?? handle).db,
      clock: () => new Date('2031-07-01T12:00:00+08:00'),
      escalationCron: '0 0 1 1 *',
      deliveryCron: '0 0 1 1 *',
    });
    try {
      const reminders = await jobs.runNow('reminders');
      expect(reminders).toMatchObject({ status: 'ran', value: { quarter: { quarter: '2031Q3', skipped: 'outside_window' } } });
      expect((await jobs.runNow('outbox')).status).toBe('ran');
      expect(jobs.mailer).toBeUndefined();
    } finally {
      await jobs.stop();
      await own?.close();
    }
  }, 180_000);
});
