import type { TablePaginationConfig } from 'antd';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const PAGE_SIZES = [20, 50, 100] as const;

/** The part of antd's SorterResult the list state reads (structural, so it fits every row type). */
interface SortInfo {
  order?: 'ascend' | 'descend' | null;
  field?: unknown;
  columnKey?: string | number | bigint;
}

export interface ListState<K extends string> {
  page: number;
  pageSize: number;
  /** Server sort: `field` ascending, `-field` descending. */
  sort: string | undefined;
  filters: Partial<Record<K, string>>;
  /** Whether any filter is set (the empty state then says "adjust the filters"). */
  filtered: boolean;
  setFilters(next: Partial<Record<K, string | undefined>>): void;
  /** Handler for antd Table `onChange`: paging and sorting. */
  onTableChange(pagination: TablePaginationConfig, _filters: unknown, sorter: SortInfo | SortInfo[]): void;
  /** antd `sortOrder` for a column key. */
  sortOrderOf(field: string): 'ascend' | 'descend' | null;
}

/**
 * Page, page size, sort and filters of a list page, kept in the URL so that reload, back and shared links
 * show the same list. Changing a filter returns to page 1.
 */
export function useListState<K extends string>(filterKeys: readonly K[]): ListState<K> {
  const [params, setParams] = useSearchParams();

  const page = Math.max(1, Number(params.get('page')) || 1);
  const requestedSize = Number(params.get('pageSize'));
  const pageSize = (PAGE_SIZES as readonly number[]).includes(requestedSize) ? requestedSize : PAGE_SIZES[0];
  const sort = params.get('sort') ?? undefined;
  const filterSignature = filterKeys.map((k) => params.get(k) ?? '').join('\u0000');

  // biome-ignore lint/correctness/useExhaustiveDependencies: filterSignature captures the filter values read from params.
  const filters = useMemo(() => {
    const out: Partial<Record<K, string>> = {};
    for (const key of filterKeys) {
      const value = params.get(key);
      if (value) out[key] = value;
    }
    return out;
  }, [filterSignature]);

  const update = useCallback(
    (changes: Record<string, string | undefined>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setFilters = useCallback(
    (next: Partial<Record<K, string | undefined>>) => {
      const changes: Record<string, string | undefined> = { page: undefined };
      for (const key of filterKeys) changes[key] = next[key]?.trim() || undefined;
      update(changes);
    },
    [filterKeys, update],
  );

  const onTableChange = useCallback<ListState<K>['onTableChange']>(
    (pagination, _filters, sorter) => {
      const single = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = single?.order ? String(single.columnKey ?? single.field ?? '') : '';
      const nextSort = field ? (single?.order === 'descend' ? `-${field}` : field) : undefined;
      const nextSize = pagination.pageSize ?? pageSize;
      const sizeChanged = nextSize !== pageSize;
      const sortChanged = nextSort !== sort;
      update({
        page: sizeChanged || sortChanged || !pagination.current || pagination.current === 1 ? undefined : String(pagination.current),
        pageSize: nextSize === PAGE_SIZES[0] ? undefined : String(nextSize),
        sort: nextSort,
      });
    },
    [pageSize, sort, update],
  );

  const sortOrderOf = useCallback(
    (field: string) => {
      if (sort === field) return 'ascend' as const;
      if (sort === `-${field}`) return 'descend' as const;
      return null;
    },
    [sort],
  );

  return {
    page,
    pageSize,
    sort,
    filters,
    filtered: Object.keys(filters).length > 0,
    setFilters,
    onTableChange,
    sortOrderOf,
  };
}

/** antd pagination props shared by every list page: 20/50/100 per page and the total. */
export function paginationOf(state: { page: number; pageSize: number }, total: number | undefined): TablePaginationConfig {
  return {
    current: state.page,
    pageSize: state.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES.map(String),
    showTotal: (n) => `共 ${n.toLocaleString('zh-CN')} 条`,
  };
}
