import { type EnterpriseDto, SECTOR_LABELS, STANDARDIZATION_LEVEL_LABELS } from '@zhiben/contracts';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { formatDate } from '../../lib/time';
import { isExpired, sectorLabel } from './enterpriseLabels';
import { ENTERPRISE_STATUS_COLORS, enterpriseStatusLabel } from './enterpriseStatus';

type SectorFields = Pick<EnterpriseDto, 'sector' | 'derivedSector' | 'sectorOverride' | 'sectorOverrideReason'>;

/** 监管行业 as a tag; a sector set by the bureau (not derived from the industry code) carries a small 指定 mark. */
export function SectorTag({ enterprise }: { enterprise: SectorFields }) {
  if (!enterprise.sector) {
    return (
      <Tooltip title="行业代码不在工贸行业监管分类范围内，且未指定监管行业">
        <Tag>未归类</Tag>
      </Tooltip>
    );
  }
  const overridden = !!enterprise.sectorOverride;
  return (
    <Flex gap={2} align="center" wrap={false} style={{ display: 'inline-flex' }}>
      <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="sector-tag">
        {SECTOR_LABELS[enterprise.sector]}
      </Tag>
      {overridden && (
        <Tooltip
          title={`由区局指定（按行业代码为「${sectorLabel(enterprise.derivedSector)}」）${
            enterprise.sectorOverrideReason ? `：${enterprise.sectorOverrideReason}` : ''
          }`}
        >
          <Tag color="purple" variant="filled" style={{ fontSize: 11, lineHeight: '16px', paddingInline: 4, marginInlineEnd: 0 }}>
            指定
          </Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

export function StatusTag({ status }: { status: EnterpriseDto['status'] }) {
  return (
    <Tag color={ENTERPRISE_STATUS_COLORS[status]} data-testid="status-tag">
      {enterpriseStatusLabel(status)}
    </Tag>
  );
}

/** 标准化等级 with its expiry date underneath, red once expired. */
export function StandardizationCell({
  level,
  expiry,
  inline = false,
}: {
  level: EnterpriseDto['standardizationLevel'];
  expiry: string | null;
  inline?: boolean;
}) {
  const expired = isExpired(expiry);
  const date = expiry ? (
    <Typography.Text type={expired ? 'danger' : 'secondary'} style={{ fontSize: inline ? undefined : 12 }}>
      {inline ? '有效期至 ' : '至 '}
      {formatDate(expiry)}
      {expired ? '（已过期）' : ''}
    </Typography.Text>
  ) : null;
  return (
    <Flex vertical={!inline} gap={inline ? 8 : 0} wrap>
      <span>{STANDARDIZATION_LEVEL_LABELS[level]}</span>
      {date}
    </Flex>
  );
}
