import type { ClassificationDto, Role, StandardizationLevel } from '@zhiben/contracts';
import { schema } from '@zhiben/db';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { expect } from 'vitest';
import { officerCertificates } from '../src/modules/enforcement/tables.js';
import { as, createEnterprise, createUser, login, type Session, type TestApp, uniq } from './harness.js';
import { certificateNo } from './samples/enforcement.js';

/** Test fixtures of the classification and enforcement suites. */

export interface Officer {
  id: string;
  session: Session;
}

/** A bureau officer with a valid certificate, logged in. */
export async function newOfficer(t: TestApp, role: Role = 'bureau_officer', withCertificate = true): Promise<Officer> {
  const user = await createUser(t.handle, role);
  if (withCertificate) await t.handle.db.insert(officerCertificates).values({ userId: user.id, certificateNo: certificateNo() });
  return { id: user.id, session: await login(t.app, user.username) };
}

export interface EnterpriseProfile {
  riskTags?: string[];
  standardizationLevel?: StandardizationLevel;
  dustWorkers?: number;
  status?: string;
  regionCode?: string;
}

/** An enterprise with the given profile and its principal and safety manager, logged in. */
export async function enterpriseWith(t: TestApp, profile: EnterpriseProfile = {}) {
  const created = await createEnterprise(t.handle, profile.regionCode ?? '140404102', uniq('执法测试企业'));
  const [enterprise] = await t.handle.db
    .update(schema.enterprises)
    .set({
      riskTags: profile.riskTags ?? [],
      standardizationLevel: profile.standardizationLevel ?? 'none',
      dustWorkers: profile.dustWorkers ?? 0,
      status: profile.status ?? 'operating',
      address: '长治市上党区荫城镇测试路 1 号',
      principalName: '测试负责人',
    })
    .where(eq(schema.enterprises.id, created.id))
    .returning();
  if (!enterprise) throw new Error('enterprise not updated');
  const principal = await createUser(t.handle, 'enterprise_principal', { enterpriseId: enterprise.id });
  const safety = await createUser(t.handle, 'enterprise_safety_manager', { enterpriseId: enterprise.id });
  const staff = await createUser(t.handle, 'enterprise_staff', { enterpriseId: enterprise.id });
  return {
    enterprise,
    principal: { id: principal.id, session: await login(t.app, principal.username) },
    safety: { id: safety.id, session: await login(t.app, safety.username) },
    staff: { id: staff.id, session: await login(t.app, staff.username) },
  };
}

export type TestEnterprise = Awaited<ReturnType<typeof enterpriseWith>>;

/** Recomputes the enterprise's class through the API and reads it back. */
export async function classify(t: TestApp, officer: Session, enterpriseId: string): Promise<ClassificationDto> {
  const res = await as(t.app, officer).post('/api/v1/classification/recompute', { enterpriseIds: [enterpriseId] });
  expect(res.statusCode, res.body).toBe(200);
  const got = await as(t.app, officer).get(`/api/v1/classification/enterprises/${enterpriseId}`);
  expect(got.statusCode, got.body).toBe(200);
  return got.json() as ClassificationDto;
}

/** [rule, value, effect] of each explanation entry. */
export const fired = (c: Pick<ClassificationDto, 'explanation'>) => c.explanation.map((e) => [e.rule, e.value, e.effect]);

/** A real 1×1 PNG with a random tail: a distinct uploaded photo. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
export async function photo(t: TestApp, session: Session): Promise<string> {
  const res = await as(t.app, session).post('/api/v1/files', Buffer.concat([PNG, Buffer.from(uniq('p'))]));
  expect(res.statusCode, res.body).toBe(200);
  return res.json().hash;
}

/** A local date `days` from the test clock's now ('YYYY-MM-DD', Asia/Shanghai). */
export const localDate = (t: TestApp, days = 0) =>
  new Date(t.clock.now().getTime() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** Opens a .docx as a reader would (unzip, word/document.xml) and returns its text, paragraph per line. */
export async function docxText(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('word/document.xml missing');
  const xmlText = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => xmlText(m[1] ?? '')).join(''))
    .join('\n');
}

/** An item of the enterprise's current 令10 checklist (for a major finding). */
export async function checklistItem(t: TestApp, session: Session, enterpriseId: string, article?: number) {
  const res = await as(t.app, session).get(`/api/v1/enterprises/${enterpriseId}/checklist`);
  expect(res.statusCode, res.body).toBe(200);
  const items = res.json().items as { id: string; article: number; articleLabel: string; itemLabel: string; text: string }[];
  const item = article === undefined ? items[0] : items.find((i) => i.article === article);
  if (!item) throw new Error('no checklist item');
  return item;
}
