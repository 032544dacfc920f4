import { type EnterpriseDto, SCALE_LABELS } from '@zhiben/contracts';
import { Descriptions, type DescriptionsProps, Flex, Grid, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/time';
import { SectorTag, StandardizationCell, StatusTag } from './EnterpriseBadges';
import { sectorLabel } from './enterpriseLabels';

const none = <Typography.Text type="secondary">—</Typography.Text>;
const text = (v: string | null | undefined): ReactNode => (v ? v : none);
const yesNo = (v: boolean) => (v ? '是' : '否');

function field(key: string, label: string, children: ReactNode, span?: 'filled'): NonNullable<DescriptionsProps['items']>[number] {
  return { key, label, children: <span data-testid={`enterprise-field-${key}`}>{children}</span>, ...(span ? { span } : {}) };
}

/** 基本信息: the record in sections, as on the paper 一企一档 form. */
export function EnterpriseBasicTab({ enterprise: e }: { enterprise: EnterpriseDto }) {
  const phone = Grid.useBreakpoint().sm === false;
  const common: DescriptionsProps = {
    bordered: true,
    size: 'small',
    column: { xs: 1, sm: 1, md: 2, xl: 3 },
    // Phones: a narrow label column that wraps, so the value keeps most of the width.
    styles: { label: phone ? { width: 96, padding: '8px 10px' } : { width: 140, whiteSpace: 'nowrap' } },
  };
  const sector = (
    <Flex vertical gap={2}>
      <SectorTag enterprise={e} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {e.sectorOverride
          ? `按行业代码为「${sectorLabel(e.derivedSector)}」，由区局指定${e.sectorOverrideReason ? `：${e.sectorOverrideReason}` : ''}`
          : '按行业代码归类（应急厅〔2019〕17号）'}
      </Typography.Text>
    </Flex>
  );
  return (
    <Flex vertical gap={20} data-testid="enterprise-basic">
      <Descriptions
        {...common}
        title="基本信息"
        items={[
          field('name', '企业名称', e.name),
          field('creditCode', '统一社会信用代码', e.creditCode),
          field('industryCode', '国民经济行业代码', e.industryCode),
          field('sector', '监管行业', sector),
          field('regionName', '所属乡镇（街道、园区）', e.regionName),
          field('status', '生产状态', <StatusTag status={e.status} />),
          field('address', '详细地址', text(e.address), 'filled'),
        ]}
      />
      <Descriptions
        {...common}
        title="规模与人员"
        items={[
          field('scale', '企业规模', SCALE_LABELS[e.scale]),
          field('employees', '从业人数', `${e.employees.toLocaleString('zh-CN')} 人`),
          field('dustWorkers', '涉粉作业人数', `${e.dustWorkers.toLocaleString('zh-CN')} 人`),
          field('stateOwned', '国有企业', yesNo(e.stateOwned)),
          field('labourIntensive', '劳动密集型企业', yesNo(e.labourIntensive)),
          field('factoryInFactory', '厂中厂', yesNo(e.factoryInFactory)),
        ]}
      />
      <Descriptions
        {...common}
        title="负责人"
        column={{ xs: 1, sm: 1, md: 2, xl: 2 }}
        items={[
          field('principalName', '主要负责人', text(e.principalName)),
          field('principalPhone', '主要负责人电话', text(e.principalPhone)),
          field('safetyManagerName', '安全管理人员', text(e.safetyManagerName)),
          field('safetyManagerPhone', '安全管理人员电话', text(e.safetyManagerPhone)),
        ]}
      />
      <Descriptions
        {...common}
        title="标准化与位置"
        items={[
          field(
            'standardizationLevel',
            '标准化等级',
            <StandardizationCell level={e.standardizationLevel} expiry={e.standardizationExpiry} inline />,
          ),
          field(
            'coordinates',
            '经纬度',
            e.longitude != null && e.latitude != null ? `${e.longitude.toFixed(5)}, ${e.latitude.toFixed(5)}` : none,
          ),
          field('updatedAt', '最近更新', formatDateTime(e.updatedAt)),
        ]}
      />
    </Flex>
  );
}
