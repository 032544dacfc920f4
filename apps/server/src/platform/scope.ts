import type { Scope } from '@zhiben/contracts';
import { type AnyColumn, eq, like, type SQL, sql } from 'drizzle-orm';

/** Escapes LIKE wildcards so a region path is matched literally as a prefix. */
function prefixPattern(path: string): string {
  return `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * SQL condition limiting rows of an enterprise-owned table to the caller's scope. Every repository read
 * passes its table's `enterprise_id` and `region_path` columns here, so scope is enforced in the `where`.
 */
export function enterpriseScope(scope: Scope, cols: { enterpriseId: AnyColumn; regionPath: AnyColumn }): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'region':
      return like(cols.regionPath, prefixPattern(scope.regionPath));
    case 'enterprise':
      return eq(cols.enterpriseId, scope.enterpriseId);
  }
}

/** Same as enterpriseScope for a table that only has `enterprise_id` (resolves the region via enterprises). */
export function enterpriseIdScope(scope: Scope, enterpriseId: AnyColumn): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'region':
      return sql`${enterpriseId} in (select id from enterprises where region_path like ${prefixPattern(scope.regionPath)})`;
    case 'enterprise':
      return eq(enterpriseId, scope.enterpriseId);
  }
}
