import {
  DEFAULT_DOCUMENT_ISSUER,
  DEFAULT_DOCUMENT_NUMBER_PREFIXES,
  type DocumentNumberPrefixes,
  type DocumentSettingsDto,
  documentNumberPrefixesSchema,
  type SaveDocumentSettingsBody,
} from '@zhiben/contracts';
import { type Executor, schema } from '@zhiben/db';
import { eq } from 'drizzle-orm';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { DocumentIssuer } from './documents/types.js';

/**
 * 执法文书设置 (issue #7): the issuing authority, the 行政复议 / 行政诉讼 authorities and the number prefix per document
 * type as one versioned row the bureau edits (`enforcement.documents`). Without a row the code defaults apply (rev 0).
 * Documents read the settings in their issuing transaction and freeze them with their render data, so a change
 * applies to documents issued after it only.
 */

const { enforcementDocumentSettings: settings } = schema;
const SETTINGS_ID = 'district';

export interface DocumentSettings {
  rev: number;
  issuer: DocumentIssuer;
  prefixes: DocumentNumberPrefixes;
  updatedAt: Date | null;
  updatedByName: string | null;
}

export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = {
  rev: 0,
  issuer: { ...DEFAULT_DOCUMENT_ISSUER },
  prefixes: { ...DEFAULT_DOCUMENT_NUMBER_PREFIXES },
  updatedAt: null,
  updatedByName: null,
};

/**
 * The settings in force (one query; in a transaction, as that transaction sees them). `forUpdate` locks the row so
 * two saves queue; a missing row (nothing to lock) is settled by the primary key of the first insert.
 */
export async function documentSettingsIn(db: Executor, opts: { forUpdate?: boolean } = {}): Promise<DocumentSettings> {
  const query = db.select().from(settings).where(eq(settings.id, SETTINGS_ID));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) return DEFAULT_DOCUMENT_SETTINGS;
  // A stored set lacking a type (a type added later) falls back to that type's default.
  const prefixes = documentNumberPrefixesSchema.safeParse({ ...DEFAULT_DOCUMENT_NUMBER_PREFIXES, ...(row.prefixes as object) });
  return {
    rev: row.rev,
    issuer: { name: row.issuerName, reviewAuthority: row.reviewAuthority, court: row.court },
    prefixes: prefixes.success ? prefixes.data : { ...DEFAULT_DOCUMENT_NUMBER_PREFIXES },
    updatedAt: row.updatedAt,
    updatedByName: row.updatedByName,
  };
}

const toDto = (s: DocumentSettings): DocumentSettingsDto => ({
  rev: s.rev,
  issuer: s.issuer,
  prefixes: s.prefixes,
  updatedAt: s.updatedAt?.toISOString() ?? null,
  updatedByName: s.updatedByName,
  isDefault: s.rev === 0,
});

/** Bureau and township officials only: enterprise accounts hold `enforcement.read` for their own documents. */
function requireOfficialSide(ctx: ServiceContext) {
  if (ctx.principal.scope.kind === 'enterprise') throw new AppError('FORBIDDEN');
}

export async function getDocumentSettings(ctx: ServiceContext): Promise<DocumentSettingsDto> {
  requireOfficialSide(ctx);
  return toDto(await documentSettingsIn(ctx.db));
}

/**
 * Saves a new revision: `rev` must be the current rev + 1, else 409 DOCUMENT_SETTINGS_CONFLICT (someone saved
 * first). One audit row with the old and the new wording and the reason.
 */
export async function saveDocumentSettings(ctx: ServiceContext, body: SaveDocumentSettingsBody): Promise<DocumentSettingsDto> {
  requireOfficialSide(ctx);
  const now = ctx.clock();
  const saved = await mutateAs(ctx, async (tx) => {
    const current = await documentSettingsIn(tx, { forUpdate: true });
    if (body.rev !== current.rev + 1) throw new AppError('DOCUMENT_SETTINGS_CONFLICT', undefined, { currentRev: current.rev });
    const values = {
      rev: body.rev,
      issuerName: body.issuer.name,
      reviewAuthority: body.issuer.reviewAuthority,
      court: body.issuer.court,
      prefixes: body.prefixes,
      updatedBy: ctx.principal.userId,
      updatedByName: ctx.principal.displayName,
      updatedAt: now,
    };
    if (current.rev === 0) {
      // The first save creates the row; a concurrent first save that got there before is a conflict too.
      const inserted = await tx
        .insert(settings)
        .values({ id: SETTINGS_ID, ...values })
        .onConflictDoNothing()
        .returning({ id: settings.id });
      if (inserted.length === 0) throw new AppError('DOCUMENT_SETTINGS_CONFLICT');
    } else await tx.update(settings).set(values).where(eq(settings.id, SETTINGS_ID));
    const next: DocumentSettings = {
      rev: body.rev,
      issuer: body.issuer,
      prefixes: body.prefixes,
      updatedAt: now,
      updatedByName: ctx.principal.displayName,
    };
    return {
      result: next,
      audit: {
        action: 'enforcement.document_settings_updated',
        entityType: 'enforcement_document_settings',
        entityId: SETTINGS_ID,
        before: { rev: current.rev, issuer: current.issuer, prefixes: current.prefixes },
        after: { rev: body.rev, issuer: body.issuer, prefixes: body.prefixes, reason: body.reason },
      },
    };
  });
  return toDto(saved);
}
