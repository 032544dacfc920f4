import { DEFAULT_DOCUMENT_ISSUER, type EnforcementDocumentType } from '@zhiben/contracts';
import { type Executor, queryRows, schema } from '@zhiben/db';
import { formatDocumentNumber, shanghaiParts } from '@zhiben/domain';
import { eq, inArray, sql } from 'drizzle-orm';
import { documentSettingsIn } from '../document-settings.service.js';
import { enforcementDocuments, officerCertificates } from '../tables.js';
import type { DocumentEnterprise, DocumentIssuer, DocumentOfficer, EnforcementDocumentData } from './types.js';

/**
 * The default enforcing authority (contracts `DEFAULT_DOCUMENT_ISSUER`, UNCONFIRMED wording). Documents print the
 * issuer of the 执法文书设置 in force when they are issued (`document-settings.service.ts`); this applies only
 * while the bureau has saved none.
 */
export const ISSUER: DocumentIssuer = { ...DEFAULT_DOCUMENT_ISSUER };

/** A document's content without the issuer, which `issueDocument` adds from the settings in force. */
export type DocumentContent = EnforcementDocumentData extends infer D ? (D extends unknown ? Omit<D, 'issuer'> : never) : never;

export interface IssuedDocument {
  id: string;
  number: string;
  year: number;
  sequence: number;
}

/**
 * Numbers and stores one document in the caller's transaction. The sequence comes from `document_counters` by an
 * upsert that locks the (type, year) row until the transaction ends: concurrent issuers queue on it, a rolled-back
 * transaction gives its number back (the counter rolls back with it), so numbers never repeat and never skip. The
 * data the document is rendered from is frozen with it: a reissued download is the same document.
 * A transaction numbering two types takes them in ENFORCEMENT_DOCUMENT_TYPES order (the order: 现场检查记录, then
 * 责令限期整改指令书), so two transactions never hold each other's counter rows.
 * The prefix and the issuer come from the 执法文书设置 as this transaction reads them (one query), and the issuer is
 * frozen into the data: a later change of the wording leaves issued documents as they were.
 */
export async function issueDocument(
  tx: Executor,
  input: {
    type: EnforcementDocumentType;
    now: Date;
    enterpriseId: string;
    regionPath: string;
    taskId?: string | null;
    caseId?: string | null;
    actorId: string | null;
    /** The document's content, given its number (and the issuer, for content that names it). */
    render: (number: string, issuer: DocumentIssuer) => DocumentContent;
  },
): Promise<IssuedDocument> {
  const year = shanghaiParts(input.now).year;
  const [counter] = await queryRows<{ sequence: number }>(
    tx,
    sql`insert into document_counters (type, year, last_sequence) values (${input.type}, ${year}, 1)
        on conflict (type, year) do update set last_sequence = document_counters.last_sequence + 1
        returning last_sequence as sequence`,
  );
  if (!counter) throw new Error('document counter not allocated');
  const sequence = Number(counter.sequence);
  const settings = await documentSettingsIn(tx);
  const number = formatDocumentNumber({ prefix: settings.prefixes[input.type], year, sequence });
  const data = { ...input.render(number, settings.issuer), issuer: settings.issuer } as EnforcementDocumentData;
  const [row] = await tx
    .insert(enforcementDocuments)
    .values({
      type: input.type,
      year,
      sequence,
      number,
      enterpriseId: input.enterpriseId,
      regionPath: input.regionPath,
      taskId: input.taskId ?? null,
      caseId: input.caseId ?? null,
      data,
      createdBy: input.actorId,
      createdAt: input.now,
    })
    .returning({ id: enforcementDocuments.id });
  if (!row) throw new Error('document not stored');
  return { id: row.id, number, year, sequence };
}

/** The enterprise block of a document (被检查单位 …). */
export const documentEnterprise = (e: {
  name: string;
  address: string | null;
  creditCode: string;
  principalName: string | null;
  principalPhone: string | null;
}): DocumentEnterprise => ({
  name: e.name,
  address: e.address,
  creditCode: e.creditCode,
  principalName: e.principalName,
  phone: e.principalPhone,
});

/** Officers with their certificate numbers, in the order given. */
export async function documentOfficers(db: Executor, ids: readonly string[]): Promise<DocumentOfficer[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: schema.users.id, name: schema.users.displayName, certificateNo: officerCertificates.certificateNo })
    .from(schema.users)
    .leftJoin(officerCertificates, eq(officerCertificates.userId, schema.users.id))
    .where(inArray(schema.users.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ name: r.name, certificateNo: r.certificateNo ?? '未登记' }] : [];
  });
}
