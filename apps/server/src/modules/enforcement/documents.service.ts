import {
  type DocumentListQuery,
  ENFORCEMENT_DOCUMENT_TYPE_LABELS,
  type EnforcementDocumentDto,
  type EnforcementDocumentType,
  type ListResult,
} from '@zhiben/contracts';
import { schema } from '@zhiben/db';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { pageOf } from '../../platform/listing.js';
import { enterpriseScope } from '../../platform/scope.js';
import { type EnforcementDocumentData, renderEnforcementDocument } from './documents/index.js';
import { enforcementDocuments } from './tables.js';
import { visibleTaskRef } from './tasks.repository.js';

const doc = enforcementDocuments;

/** Documents in scope; for enterprise accounts none of an unannounced task not yet started (there are none, but say so). */
const visibility = (ctx: ServiceContext): SQL =>
  and(
    enterpriseScope(ctx.principal.scope, { enterpriseId: doc.enterpriseId, regionPath: doc.regionPath }),
    visibleTaskRef(ctx.principal.scope, doc.taskId),
  ) as SQL;

const toDto = (r: typeof doc.$inferSelect & { enterpriseName: string }): EnforcementDocumentDto => ({
  id: r.id,
  type: r.type as EnforcementDocumentType,
  number: r.number,
  year: r.year,
  sequence: r.sequence,
  enterpriseId: r.enterpriseId,
  enterpriseName: r.enterpriseName,
  taskId: r.taskId,
  caseId: r.caseId,
  createdAt: r.createdAt.toISOString(),
});

export async function listDocuments(ctx: ServiceContext, query: DocumentListQuery): Promise<ListResult<EnforcementDocumentDto>> {
  const where = and(
    visibility(ctx),
    query.type ? eq(doc.type, query.type) : undefined,
    query.enterpriseId ? eq(doc.enterpriseId, query.enterpriseId) : undefined,
    query.taskId ? eq(doc.taskId, query.taskId) : undefined,
    query.caseId ? eq(doc.caseId, query.caseId) : undefined,
    query.year ? eq(doc.year, query.year) : undefined,
  );
  const { limit, offset } = pageOf(query);
  const [rows, count] = await Promise.all([
    ctx.db
      .select({ row: doc, enterpriseName: schema.enterprises.name })
      .from(doc)
      .innerJoin(schema.enterprises, eq(schema.enterprises.id, doc.enterpriseId))
      .where(where)
      .orderBy(desc(doc.createdAt), desc(doc.sequence))
      .limit(limit)
      .offset(offset),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(doc).where(where),
  ]);
  return { items: rows.map((r) => toDto({ ...r.row, enterpriseName: r.enterpriseName })), total: count[0]?.n ?? 0 };
}

/** The .docx of one document, rendered from the data frozen when it was numbered. */
export async function documentFile(ctx: ServiceContext, id: string): Promise<{ buffer: Buffer; fileName: string; ascii: string }> {
  const [row] = await ctx.db
    .select()
    .from(doc)
    .where(and(eq(doc.id, id), visibility(ctx)));
  if (!row) throw notFound();
  const buffer = await renderEnforcementDocument(row.data as EnforcementDocumentData);
  const label = ENFORCEMENT_DOCUMENT_TYPE_LABELS[row.type as EnforcementDocumentType];
  return { buffer, fileName: `${label}-${row.number}.docx`, ascii: `${row.type}-${row.year}-${row.sequence}.docx` };
}
