import { DatePicker, Flex } from 'antd';
import type { Dayjs } from 'dayjs';
import { dayRangePresets } from '../../lib/time';

export type DayRange = [Dayjs | null, Dayjs | null] | null;

/**
 * A filter of whole days (either end may stay open), as a Form.Item control. On a phone the two-month range popup
 * (≈ 700 px) does not fit, so each end gets its own one-month picker there.
 */
export function DayRangeFilter({
  value,
  onChange,
  phone,
  testId,
}: {
  value?: DayRange;
  onChange?: (value: DayRange) => void;
  phone: boolean;
  testId: string;
}) {
  if (!phone) {
    return (
      <DatePicker.RangePicker
        value={value}
        onChange={(v) => onChange?.(v)}
        allowEmpty={[true, true]}
        presets={dayRangePresets()}
        style={{ width: '100%' }}
        data-testid={testId}
      />
    );
  }
  const [start, end] = value ?? [null, null];
  const set = (next: [Dayjs | null, Dayjs | null]) => onChange?.(next[0] || next[1] ? next : null);
  return (
    <Flex gap={8} align="center">
      <DatePicker
        value={start}
        onChange={(d) => set([d, end])}
        disabledDate={(d) => !!end && d.isAfter(end, 'day')}
        placeholder="开始日期"
        inputReadOnly
        style={{ flex: 1, minWidth: 0 }}
        data-testid={`${testId}-start`}
      />
      <span>至</span>
      <DatePicker
        value={end}
        onChange={(d) => set([start, d])}
        disabledDate={(d) => !!start && d.isBefore(start, 'day')}
        placeholder="结束日期"
        inputReadOnly
        style={{ flex: 1, minWidth: 0 }}
        data-testid={`${testId}-end`}
      />
    </Flex>
  );
}
