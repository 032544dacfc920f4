import type { Query } from '../../api/client';

/** The status filter of the alarm list: 未关闭 (all not closed) or one display status. */
export const ALARM_STATUS_FILTERS = [
  { value: 'open', label: '未关闭（全部待办）' },
  { value: 'pending', label: '待响应' },
  { value: 'acknowledged', label: '已响应' },
  { value: 'recovered', label: '已恢复未处置' },
  { value: 'disposed', label: '已处置' },
  { value: 'closed', label: '已关闭' },
] as const;

/** URL filters → the API's query (`status=open` is `open=true`). */
export function alarmQueryOf(filters: Partial<Record<string, string>>): Query {
  const { status, ...rest } = filters;
  return { ...rest, ...(status === 'open' ? { open: 'true' } : status ? { status } : {}) };
}
