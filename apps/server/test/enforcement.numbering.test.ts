import { queryRows } from '@zhiben/db';
import { parseDocumentNumber, sequenceProblems, shanghaiParts } from '@zhiben/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseWith, newOfficer, type Officer } from './enforcement.helpers.js';
import { as, buildTestApp, type TestApp } from './harness.js';

/**
 * Document numbers (issue #7 item 6): sequential per year and type, never repeated, never skipped — also under 20
 * concurrent requests, each numbering a 现场检查记录 in its own transaction. PGlite has one connection, so the
 * concurrent case runs on PostgreSQL only; the numbering rule itself is checked on both.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
let t: TestApp;
let lead: Officer;
let second: Officer;

beforeAll(async () => {
  t = await buildTestApp();
  lead = await newOfficer(t);
  second = await newOfficer(t);
});
afterAll(async () => t?.close());

/** Started tasks, ready to be closed (closing one without findings numbers its inspection record). */
async function startedTasks(n: number): Promise<string[]> {
  const { enterprise } = await enterpriseWith(t);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const created = await as(t.app, lead.session).post('/api/v1/enforcement/tasks', {
      enterpriseId: enterprise.id,
      source: 'other',
      unannounced: false,
      officerIds: [lead.id, second.id],
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as string;
    expect((await as(t.app, lead.session).post(`/api/v1/enforcement/tasks/${id}/start`, {})).statusCode).toBe(200);
    ids.push(id);
  }
  return ids;
}

async function allSequences(type: string, year: number): Promise<number[]> {
  const rows = await queryRows<{ sequence: number }>(
    t.handle.db,
    sql`select sequence from enforcement_documents where type = ${type} and year = ${year}`,
  );
  return rows.map((r) => Number(r.sequence));
}

const close = (id: string) => as(t.app, lead.session).post(`/api/v1/enforcement/tasks/${id}/close`, {});
const recordNumber = (res: { json(): { documents: { type: string; number: string }[] } }) =>
  res.json().documents.find((d) => d.type === 'inspection_record')?.number ?? '';

describe('document numbers', () => {
  it('are formatted 上应急检记〔year〕n号 and follow one another', async () => {
    const year = shanghaiParts(t.clock.now()).year;
    const numbers = [];
    for (const id of await startedTasks(3)) {
      const res = await close(id);
      expect(res.statusCode, res.body).toBe(200);
      numbers.push(parseDocumentNumber(recordNumber(res)));
    }
    expect(numbers.every((n) => n?.prefix === '上应急检记' && n.year === year)).toBe(true);
    const sequences = numbers.map((n) => n?.sequence ?? 0);
    // Other suites sharing the database may number records in between: increasing, not necessarily adjacent.
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
    expect(new Set(sequences).size).toBe(3);
    expect(sequenceProblems(await allSequences('inspection_record', year))).toEqual({ duplicates: [], gaps: [] });
  });

  it.skipIf(!onPostgres)('never repeat or skip under 20 concurrent requests (PostgreSQL)', async () => {
    const year = shanghaiParts(t.clock.now()).year;
    const ids = await startedTasks(20);
    const responses = await Promise.all(ids.map(close));
    expect(responses.map((r) => r.statusCode)).toEqual(ids.map(() => 200));
    const numbers = responses.map(recordNumber);
    expect(new Set(numbers).size).toBe(20);
    const sequences = numbers.map((n) => parseDocumentNumber(n)?.sequence ?? 0);
    expect(sequences.every((s) => s > 0)).toBe(true);
    // Every number of the year and type ever issued, this run's and other suites': exactly 1..n.
    expect(sequenceProblems(await allSequences('inspection_record', year))).toEqual({ duplicates: [], gaps: [] });
    const [counter] = await queryRows<{ last: number }>(
      t.handle.db,
      sql`select last_sequence as last from document_counters where type = 'inspection_record' and year = ${year}`,
    );
    expect(Math.max(...sequences)).toBeLessThanOrEqual(Number(counter?.last));
  });
});
