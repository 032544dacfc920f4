import { type EnterpriseDto, SCALE_LABELS } from '@zhiben/contracts';
import { Button, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ChoosableColumn } from '../../components/ColumnChooser';
import { RiskClassTag } from '../classification/RiskClassTag';
import { SectorTag, StandardizationCell, StatusTag } from './EnterpriseBadges';
import { RiskTagList } from './RiskTagList';
import type { TagCatalog } from './riskTagCatalog';

/** Columns the user may hide (企业名称 and the actions always show). */
export const OPTIONAL_ENTERPRISE_COLUMNS: readonly ChoosableColumn[] = [
  { key: 'creditCode', title: '统一社会信用代码' },
  { key: 'regionName', title: '所属乡镇' },
  { key: 'sector', title: '监管行业' },
  { key: 'scale', title: '规模' },
  { key: 'employees', title: '从业人数' },
  { key: 'dustWorkers', title: '涉粉人数' },
  { key: 'riskTags', title: '风险标签' },
  { key: 'status', title: '生产状态' },
  { key: 'standardizationLevel', title: '标准化等级' },
  { key: 'riskClass', title: '风险等级' },
  { key: 'principal', title: '主要负责人' },
];

export const DEFAULT_ENTERPRISE_COLUMNS = OPTIONAL_ENTERPRISE_COLUMNS.map((c) => c.key).filter((k) => k !== 'scale');

const count = (n: number) => n.toLocaleString('zh-CN');

export function enterpriseColumns(options: {
  catalog: TagCatalog;
  visible: readonly string[];
  sortOrderOf: (field: string) => 'ascend' | 'descend' | null;
  /** Where the detail page's back link returns to (the list with its filters). */
  listSearch: string;
  onEdit?: ((enterprise: EnterpriseDto) => void) | undefined;
  /** Name fixed on the left and actions on the right (desktop; a phone is too narrow for fixed columns). */
  fixedColumns?: boolean;
}): TableColumnsType<EnterpriseDto> {
  const { catalog, visible, sortOrderOf, listSearch, onEdit, fixedColumns = true } = options;
  const sortable = (key: string) => ({ sorter: true, sortOrder: sortOrderOf(key), showSorterTooltip: false });

  const all: (TableColumnsType<EnterpriseDto>[number] & { key: string })[] = [
    {
      title: '企业名称',
      dataIndex: 'name',
      key: 'name',
      ...(fixedColumns ? { fixed: 'left' as const } : {}),
      width: 220,
      ...sortable('name'),
      render: (name: string, e) => (
        <Link to={`/enterprises/${e.id}`} state={{ listSearch }} data-testid={`enterprise-link-${e.id}`}>
          {name}
        </Link>
      ),
    },
    { title: '统一社会信用代码', dataIndex: 'creditCode', key: 'creditCode', width: 180, ...sortable('creditCode') },
    {
      title: '所属乡镇',
      dataIndex: 'regionName',
      key: 'regionName',
      width: 110,
      render: (name: string) => <span data-testid="enterprise-region">{name}</span>,
    },
    {
      title: '监管行业',
      dataIndex: 'sector',
      key: 'sector',
      width: 110,
      ...sortable('sector'),
      render: (_: unknown, e) => <SectorTag enterprise={e} />,
    },
    { title: '规模', dataIndex: 'scale', key: 'scale', width: 96, render: (s: EnterpriseDto['scale']) => SCALE_LABELS[s] },
    {
      title: '从业人数',
      dataIndex: 'employees',
      key: 'employees',
      width: 100,
      align: 'right',
      ...sortable('employees'),
      render: count,
    },
    {
      title: '涉粉人数',
      dataIndex: 'dustWorkers',
      key: 'dustWorkers',
      width: 100,
      align: 'right',
      ...sortable('dustWorkers'),
      render: (n: number, e) =>
        e.riskTags.includes('dust_explosion') || n > 0 ? count(n) : <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: '风险标签',
      dataIndex: 'riskTags',
      key: 'riskTags',
      width: 230,
      render: (codes: string[]) => <RiskTagList catalog={catalog} codes={codes} />,
    },
    {
      title: '生产状态',
      dataIndex: 'status',
      key: 'status',
      width: 100,
      ...sortable('status'),
      render: (s: EnterpriseDto['status']) => <StatusTag status={s} />,
    },
    {
      title: '标准化等级',
      dataIndex: 'standardizationLevel',
      key: 'standardizationLevel',
      width: 130,
      ...sortable('standardizationLevel'),
      render: (_: unknown, e) => <StandardizationCell level={e.standardizationLevel} expiry={e.standardizationExpiry} />,
    },
    {
      title: '风险等级',
      dataIndex: 'riskClass',
      key: 'riskClass',
      width: 130,
      render: (c: EnterpriseDto['riskClass']) => <RiskClassTag riskClass={c} />,
    },
    {
      title: '主要负责人/电话',
      key: 'principal',
      width: 140,
      render: (_: unknown, e): ReactNode =>
        e.principalName || e.principalPhone ? (
          <div>
            <div>{e.principalName ?? '—'}</div>
            {e.principalPhone && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.principalPhone}
              </Typography.Text>
            )}
          </div>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  const shown: TableColumnsType<EnterpriseDto> = all.filter((c) => c.key === 'name' || visible.includes(c.key));
  if (onEdit) {
    shown.push({
      title: '操作',
      key: 'actions',
      ...(fixedColumns ? { fixed: 'right' as const } : {}),
      width: 80,
      render: (_: unknown, e) =>
        e.abilities.update ? (
          <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onEdit(e)} data-testid={`enterprise-edit-${e.id}`}>
            编辑
          </Button>
        ) : null,
    });
  }
  return shown;
}

/** The table's minimum width for the shown columns (horizontal scroll below it). */
export function tableWidth(columns: TableColumnsType<EnterpriseDto>): number {
  return columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);
}
