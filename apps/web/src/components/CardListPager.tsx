import { Pagination } from 'antd';
import type { ListState } from '../lib/useListState';

/** Simple pager under the card lists that phone layouts show instead of a table; hidden when one page suffices. */
export function CardListPager<K extends string>({ list, total }: { list: ListState<K>; total: number | undefined }) {
  if ((total ?? 0) <= list.pageSize) return null;
  return (
    <Pagination
      simple
      align="center"
      current={list.page}
      pageSize={list.pageSize}
      total={total ?? 0}
      onChange={(page) => list.onTableChange({ current: page, pageSize: list.pageSize }, {}, {})}
    />
  );
}
