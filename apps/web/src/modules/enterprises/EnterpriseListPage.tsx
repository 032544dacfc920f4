import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { EnterpriseDto } from '@zhiben/contracts';
import { App, Button, Card, Empty, Flex, Form, Grid, Input, Result, Select, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { errorMessage, isRouteMissing } from '../../api/errors';
import { can } from '../../app/access';
import { useSession } from '../../app/session';
import { ColumnChooser } from '../../components/ColumnChooser';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { paginationOf, useListState } from '../../lib/useListState';
import { useStoredState } from '../../lib/useStoredState';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer';
import { DEFAULT_ENTERPRISE_COLUMNS, enterpriseColumns, OPTIONAL_ENTERPRISE_COLUMNS, tableWidth } from './enterpriseColumns';
import { DUST_BAND_OPTIONS, SCALE_OPTIONS, SECTOR_OPTIONS, STANDARDIZATION_OPTIONS, STATUS_OPTIONS, splitCsv } from './enterpriseLabels';
import { useEnterpriseList } from './enterprises.api';
import { ImportWizard } from './ImportWizard';
import { downloadFile } from './ledger.api';
import { type TagCatalog, useTagCatalog } from './riskTagCatalog';

/** URL filters of the list (also what dashboard links set). Multi-value filters are comma-separated. */
const FILTERS = ['q', 'tag', 'regionId', 'sector', 'status', 'scale', 'standardizationLevel', 'dustBand'] as const;
type FilterKey = (typeof FILTERS)[number];
type UrlFilters = Partial<Record<FilterKey, string>>;
const MULTI: readonly FilterKey[] = ['tag', 'sector', 'status', 'standardizationLevel'];

/** The filter form's values: multi-selects hold arrays. */
type FormFilters = Partial<Record<FilterKey, string | string[]>>;

/** Filters shown while the bar is collapsed: 关键字, 风险标签, 乡镇 (only 关键字 on phones). */
const COLLAPSED_COUNT = 3;
const COLLAPSED_COUNT_PHONE = 1;

function toForm(filters: UrlFilters): FormFilters {
  const out: FormFilters = { ...filters };
  for (const key of MULTI) out[key] = filters[key] ? splitCsv(filters[key]) : undefined;
  return out;
}

function fromForm(values: FormFilters): UrlFilters {
  const out: UrlFilters = {};
  for (const key of FILTERS) {
    const v = values[key];
    out[key] = Array.isArray(v) ? (v.length ? v.join(',') : undefined) : v || undefined;
  }
  return out;
}

function tagOptions(catalog: TagCatalog) {
  const option = (code: string, label: string) => ({ value: code, label, 'data-testid': `tag-option-${code}` });
  const group = (category: 'risk' | 'process') =>
    catalog.roots[category].flatMap((root) => [
      option(root.code, root.name),
      ...(catalog.childrenOf.get(root.code) ?? []).map((c) => option(c.code, `${root.name} · ${c.name}`)),
    ]);
  return [
    { label: '风险标签', title: '风险标签', options: group('risk') },
    { label: '工艺标签', title: '工艺标签', options: group('process') },
  ];
}

/** 企业台账: the enterprises in the user's scope, filtered, sorted and paged in the URL. */
export function EnterpriseListPage() {
  const me = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const list = useListState(FILTERS);
  const phone = Grid.useBreakpoint().md === false;
  const collapsedCount = phone ? COLLAPSED_COUNT_PHONE : COLLAPSED_COUNT;
  const [form] = Form.useForm<FormFilters>();
  const { catalog } = useTagCatalog();
  const [visibleColumns, setVisibleColumns] = useStoredState<string[]>('zb.enterprises.columns', DEFAULT_ENTERPRISE_COLUMNS);
  const [editing, setEditing] = useState<{ enterprise?: EnterpriseDto } | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const canCreate = can(me, 'enterprises.create');
  const canImport = can(me, 'enterprises.import');
  const canExport = can(me, 'enterprises.export');
  const canUpdate = can(me, 'enterprises.update');

  const { filters } = list;
  const query = useEnterpriseList({ page: list.page, pageSize: list.pageSize, sort: list.sort, ...filters });
  const formValues = useMemo(() => toForm(filters), [filters]);
  // A filter set by a link (dashboard) must not hide behind 展开: then the whole bar shows.
  const hiddenFilterActive = FILTERS.slice(collapsedCount).some((k) => filters[k]);

  const columns = useMemo(
    () =>
      enterpriseColumns({
        catalog,
        visible: visibleColumns,
        sortOrderOf: list.sortOrderOf,
        listSearch: location.search,
        onEdit: canUpdate ? (enterprise) => setEditing({ enterprise }) : undefined,
        fixedColumns: !phone,
      }),
    [catalog, visibleColumns, list.sortOrderOf, location.search, canUpdate, phone],
  );

  const exportList = async () => {
    setExporting(true);
    try {
      const name = await downloadFile('/enterprises/export', { sort: list.sort, ...filters }, '工贸企业台账.xlsx');
      message.success(`已导出 ${(query.data?.total ?? 0).toLocaleString('zh-CN')} 家企业：${name}`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  if (isRouteMissing(query.error)) {
    return (
      <Card>
        <Result status="info" title="企业台账功能正在上线" subTitle="企业台账接口尚未开放，请稍后再试。" />
      </Card>
    );
  }

  const emptyText = list.filtered
    ? '没有符合条件的企业，请调整查询条件或点击「重置」'
    : canCreate || canImport
      ? '暂无企业，点击「新建企业」或「导入」'
      : '暂无企业';

  return (
    <Flex vertical gap={16}>
      <PageHeader title="企业台账" description="辖区内工贸企业一企一档：基本信息、风险标签与标准化情况" />
      <FilterBar<FormFilters>
        form={form}
        values={formValues}
        onSearch={(v) => list.setFilters(fromForm(v))}
        onReset={() => list.setFilters({})}
        collapsedCount={hiddenFilterActive ? FILTERS.length : collapsedCount}
        testIdPrefix="enterprises"
      >
        <Form.Item key="q" name="q" label="关键字">
          <Input allowClear placeholder="企业名称、信用代码或负责人" data-testid="enterprises-filter-q" />
        </Form.Item>
        <Form.Item key="tag" name="tag" label="风险标签">
          <Select
            mode="multiple"
            allowClear
            placeholder="同时具有所选标签"
            options={tagOptions(catalog)}
            showSearch={{ optionFilterProp: 'label' }}
            maxTagCount="responsive"
            virtual={false}
            data-testid="enterprises-filter-tag"
          />
        </Form.Item>
        <Form.Item key="regionId" name="regionId" label="乡镇">
          <RegionTreeSelect data-testid="enterprises-filter-region" />
        </Form.Item>
        <Form.Item key="sector" name="sector" label="监管行业">
          <Select
            mode="multiple"
            allowClear
            placeholder="全部行业"
            options={SECTOR_OPTIONS}
            maxTagCount="responsive"
            data-testid="enterprises-filter-sector"
          />
        </Form.Item>
        <Form.Item key="status" name="status" label="生产状态">
          <Select
            mode="multiple"
            allowClear
            placeholder="全部状态"
            options={STATUS_OPTIONS}
            maxTagCount="responsive"
            data-testid="enterprises-filter-status"
          />
        </Form.Item>
        <Form.Item key="scale" name="scale" label="规模">
          <Select allowClear placeholder="全部" options={SCALE_OPTIONS} data-testid="enterprises-filter-scale" />
        </Form.Item>
        <Form.Item key="standardizationLevel" name="standardizationLevel" label="标准化等级">
          <Select
            mode="multiple"
            allowClear
            placeholder="全部等级"
            options={STANDARDIZATION_OPTIONS}
            maxTagCount="responsive"
            data-testid="enterprises-filter-standardization"
          />
        </Form.Item>
        <Form.Item key="dustBand" name="dustBand" label="涉粉人数">
          <Select allowClear placeholder="全部分档" options={DUST_BAND_OPTIONS} data-testid="enterprises-filter-dustBand" />
        </Form.Item>
      </FilterBar>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
          <Flex wrap gap={8}>
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="enterprises-create">
                新建企业
              </Button>
            )}
            {canImport && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="enterprises-import">
                导入
              </Button>
            )}
            {canExport && (
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                disabled={query.data?.total === 0}
                onClick={() => void exportList()}
                data-testid="enterprises-export"
              >
                导出
              </Button>
            )}
          </Flex>
          <ColumnChooser columns={OPTIONAL_ENTERPRISE_COLUMNS} visible={visibleColumns} onChange={setVisibleColumns} />
        </Flex>
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<EnterpriseDto>
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            pagination={paginationOf(list, query.data?.total)}
            onChange={list.onTableChange}
            scroll={{ x: tableWidth(columns) }}
            size="middle"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
            data-testid="enterprises-table"
          />
        )}
      </Card>
      {editing && (
        <EnterpriseFormDrawer
          open
          enterprise={editing.enterprise}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            if (created) navigate(`/enterprises/${saved.id}`, { state: { listSearch: location.search } });
          }}
        />
      )}
      <ImportWizard open={importing} onClose={() => setImporting(false)} />
    </Flex>
  );
}
