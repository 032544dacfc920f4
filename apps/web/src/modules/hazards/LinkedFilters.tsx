import { SECTOR_LABELS, type Sector } from '@zhiben/contracts';
import { Flex, Tag, Typography } from 'antd';
import { useRegions } from '../regions/regions.api';

/** Filters that only arrive through links (the 动态清零 board's bars): 行业, 乡镇, 标准条款. */
export const LINKED_FILTERS = ['sector', 'regionId', 'article'] as const;
export type LinkedFilter = (typeof LINKED_FILTERS)[number];

/**
 * Shows the link-only filters in force as closable tags, so that a list opened from a chart says why it is short;
 * closing a tag drops that filter.
 */
export function LinkedFilters({
  values,
  onRemove,
}: {
  values: Partial<Record<LinkedFilter, string>>;
  onRemove: (key: LinkedFilter) => void;
}) {
  const regions = useRegions(!!values.regionId);
  const active = LINKED_FILTERS.filter((k) => values[k]);
  if (active.length === 0) return null;
  const label = (key: LinkedFilter, value: string): string => {
    if (key === 'sector') return `行业：${SECTOR_LABELS[value as Sector] ?? value}`;
    if (key === 'regionId') return `乡镇：${regions.data?.items.find((r) => r.id === value)?.name ?? '…'}`;
    return `标准条款：第${value}条`;
  };
  return (
    <Flex gap={8} wrap align="center" data-testid="hazards-linked-filters">
      <Typography.Text type="secondary">来自看板的筛选：</Typography.Text>
      {active.map((k) => (
        <Tag key={k} closable onClose={() => onRemove(k)} color="blue" data-testid={`hazards-linked-${k}`}>
          {label(k, values[k] ?? '')}
        </Tag>
      ))}
    </Flex>
  );
}
