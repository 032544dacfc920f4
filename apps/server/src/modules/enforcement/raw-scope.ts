import type { Scope } from '@zhiben/contracts';
import type { AnyColumn, SQL } from 'drizzle-orm';
import { enterpriseScope } from '../../platform/scope.js';

/**
 * enterpriseScope for raw SQL with table aliases (`e.id`, `e.region_path`): the same conditions, rendered against
 * the given expressions (drizzle's eq/like accept any SQL expression on the left).
 */
export const rawScope = (scope: Scope, enterpriseId: SQL, regionPath: SQL): SQL =>
  enterpriseScope(scope, { enterpriseId: enterpriseId as unknown as AnyColumn, regionPath: regionPath as unknown as AnyColumn });
