import type { ListQuery } from '@zhiben/contracts';
import { type AnyColumn, asc, desc, type SQL } from 'drizzle-orm';
import { AppError } from './errors.js';

/** `sort=field` / `sort=-field` against an allow-list of columns; anything else is a 400, never raw SQL. */
export function orderBy(sort: string | undefined, allowed: Record<string, AnyColumn>, fallback: SQL[]): SQL[] {
  if (!sort) return fallback;
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  const column = allowed[key];
  if (!column) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      issues: [{ path: ['query', 'sort'], message: `不支持按「${key}」排序，可选：${Object.keys(allowed).join('、')}` }],
    });
  }
  return [descending ? desc(column) : asc(column), ...fallback];
}

export function pageOf(query: Pick<ListQuery, 'page' | 'pageSize'>): { limit: number; offset: number } {
  return { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
}

/** Escapes LIKE wildcards in user search text. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
