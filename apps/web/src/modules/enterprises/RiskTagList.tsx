import { Flex, Tag, Tooltip, Typography } from 'antd';
import { shownTags, type TagCatalog } from './riskTagCatalog';

/** Tag colours: hazards stand out (volcano), process tags (工艺标签) stay neutral. */
export const TAG_COLORS = { risk: 'volcano', process: 'default' } as const;

/** An enterprise's tags, 粉尘涉爆 with its dust type, descriptions as tooltips. */
export function RiskTagList({
  catalog,
  codes,
  category,
  empty = '—',
}: {
  catalog: TagCatalog;
  codes: readonly string[];
  /** Only this category (e.g. the list column shows risk tags first and process tags in grey). */
  category?: 'risk' | 'process';
  empty?: string;
}) {
  const tags = shownTags(catalog, codes).filter((t) => !category || t.category === category);
  if (tags.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Flex wrap gap={4}>
      {tags.map((t) => (
        <Tooltip key={t.code} title={t.description ?? undefined}>
          <Tag color={TAG_COLORS[t.category]} style={{ marginInlineEnd: 0 }} data-testid={`risk-tag-${t.code}`}>
            {t.label}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
