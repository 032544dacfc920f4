import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { schema } from '@zhiben/db';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { mutateAs, type ServiceContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';

/** Accepted photo formats, recognised by their first bytes (never by the file name or declared type). */
const SIGNATURES: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export function sniffImage(buffer: Buffer): string | null {
  return SIGNATURES.find((s) => s.test(buffer))?.mime ?? null;
}

const pathOf = (dir: string, hash: string) => join(dir, hash.slice(0, 2), hash);

/**
 * The photo re-encoded in its own format without any metadata (EXIF with GPS position, camera and phone model, time
 * taken; XMP; IPTC; comments), turned upright first so dropping the orientation tag changes nothing on screen. For the
 * photos of an employee report, which is anonymous towards the enterprise: their metadata could say whose phone took
 * them, and where and when. A photo the decoder cannot read is refused.
 */
export async function withoutMetadata(buffer: Buffer, mime: string, name: string): Promise<Buffer> {
  try {
    const image = sharp(buffer, { failOn: 'error' }).rotate();
    if (mime === 'image/png') return await image.png().toBuffer();
    if (mime === 'image/webp') return await image.webp({ quality: 90 }).toBuffer();
    return await image.jpeg({ quality: 90 }).toBuffer();
  } catch {
    const message = `照片“${name}”无法读取，请重新拍摄`;
    throw new AppError('VALIDATION_FAILED', message, { issues: [{ path: ['photos'], message }] });
  }
}

/**
 * Writes the bytes to disk under their content hash (sha256) and returns it: for callers that sniff the bytes
 * themselves and record the `files` row in their own transaction (e.g. photos of an anonymous employee report).
 */
export async function writePhotoFile(dir: string, buffer: Buffer): Promise<string> {
  const hash = createHash('sha256').update(buffer).digest('hex');
  const path = pathOf(dir, hash);
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, buffer);
  await rename(temp, path);
  return hash;
}

/**
 * Stores a photo by content hash (sha256). The same bytes uploaded twice are one file. The bytes go to disk
 * first (temp name, then rename: a crash never leaves a half-written file under a valid hash), then the row.
 */
export async function storePhoto(ctx: ServiceContext, dir: string, buffer: Buffer, originalName: string | null) {
  const mime = sniffImage(buffer);
  if (!mime)
    throw new AppError('VALIDATION_FAILED', '只能上传 JPEG、PNG 或 WebP 格式的照片', {
      issues: [{ path: ['file'], message: '只能上传 JPEG、PNG 或 WebP 格式的照片' }],
    });
  const hash = await writePhotoFile(dir, buffer);
  const enterpriseId = ctx.principal.scope.kind === 'enterprise' ? ctx.principal.scope.enterpriseId : null;
  return mutateAs(ctx, async (tx) => {
    const inserted = await tx
      .insert(schema.files)
      .values({
        hash,
        owner: ownerOf(ctx),
        mime,
        size: buffer.length,
        originalName: originalName?.slice(0, 200) ?? null,
        uploadedBy: ctx.principal.userId,
      })
      .onConflictDoNothing()
      .returning({ hash: schema.files.hash });
    return {
      result: { hash, mime, size: buffer.length, url: `/api/v1/files/${hash}` },
      audit: {
        action: 'files.uploaded',
        entityType: 'file',
        entityId: hash,
        enterpriseId,
        after: { mime, size: buffer.length, new: inserted.length > 0 },
      },
    };
  });
}

const BUREAU_OWNER = 'bureau';
const ownerOf = (ctx: ServiceContext) => (ctx.principal.scope.kind === 'enterprise' ? ctx.principal.scope.enterpriseId : BUREAU_OWNER);

/**
 * A stored file, if the caller may see one of its owners: the bureau sees all; a township officer the files of
 * enterprises in his region and the bureau's; an enterprise its own and the bureau's.
 */
export async function readPhoto(ctx: ServiceContext, dir: string, hash: string): Promise<{ mime: string; bytes: Buffer }> {
  const scope = ctx.principal.scope;
  const visible =
    scope.kind === 'all'
      ? undefined
      : or(
          eq(schema.files.owner, BUREAU_OWNER),
          scope.kind === 'enterprise'
            ? eq(schema.files.owner, scope.enterpriseId)
            : sql`${schema.files.owner} in (select id::text from enterprises where region_path like ${`${scope.regionPath}%`})`,
        );
  const [row] = await ctx.db
    .select()
    .from(schema.files)
    .where(and(eq(schema.files.hash, hash), visible))
    .limit(1);
  if (!row) throw notFound();
  return { mime: row.mime, bytes: await readFile(pathOf(dir, hash)) };
}

/** Checks that every hash names a stored file the caller may use (photos attached to records). */
export async function assertPhotosUsable(ctx: ServiceContext, hashes: string[], enterpriseId: string): Promise<void> {
  const unique = [...new Set(hashes)];
  if (unique.length === 0) return;
  const rows = await ctx.db
    .select({ hash: schema.files.hash })
    .from(schema.files)
    .where(and(inArray(schema.files.hash, unique), inArray(schema.files.owner, [enterpriseId, BUREAU_OWNER])));
  const usable = new Set(rows.map((r) => r.hash));
  const missing = unique.filter((h) => !usable.has(h));
  if (missing.length > 0)
    throw new AppError('VALIDATION_FAILED', '照片不存在或未上传成功，请重新上传', {
      issues: [{ path: ['body', 'photos'], message: '照片不存在' }],
    });
}
