import { ImportOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import {
  COLLECTOR_TYPE_LABELS,
  COLLECTOR_TYPES,
  DEVICE_STATUS_LABELS,
  DEVICE_STATUSES,
  type DeviceDto,
  type DeviceWithSecret,
} from '@zhiben/contracts';
import { Button, Card, Empty, Flex, Form, Grid, Input, Select, Space, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { can } from '../../app/access';
import { useSession } from '../../app/session';
import { CardListPager } from '../../components/CardListPager';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { paginationOf, useListState } from '../../lib/useListState';
import { CONNECTED_OPTIONS, ConnectedTag, LastReport } from './DeviceConnection';
import { DeviceFormModal } from './DeviceFormModal';
import { DeviceImportWizard } from './DeviceImportWizard';
import { useDevices, useInvalidateDevices } from './devices.api';
import { EnterpriseFilterSelect } from './EnterpriseFilterSelect';
import { DeviceStatusTag, signalLabel } from './monitoringLabels';
import { RotateSecretButton } from './RotateSecretButton';
import { SecretModal } from './SecretModal';

const FILTERS = ['enterpriseId', 'collectorType', 'status', 'connected', 'q'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

/**
 * 设备 (bureau: every dust enterprise's collectors; enterprise: its own): filter, page, register one (the secret is
 * shown once), edit, reset the secret, or register many from a workbook. A row opens the device page.
 */
export function DeviceListPage() {
  const me = useSession();
  const enterpriseSide = me.scope.kind === 'enterprise';
  const phone = Grid.useBreakpoint().md === false;
  const navigate = useNavigate();
  const list = useListState(FILTERS);
  const [form] = Form.useForm<Filters>();
  const query = useDevices({ page: list.page, pageSize: list.pageSize, sort: list.sort, ...list.filters });
  const canManage = can(me, 'devices.manage');
  const invalidate = useInvalidateDevices();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<DeviceDto | null>(null);
  const [importing, setImporting] = useState(false);
  const [created, setCreated] = useState<DeviceWithSecret | null>(null);

  const open = (id: string) => navigate(`/monitoring/devices/${id}`);

  const columns = useMemo<TableColumnsType<DeviceDto>>(
    () => [
      {
        title: '设备',
        key: 'code',
        width: 220,
        sorter: true,
        sortOrder: list.sortOrderOf('code'),
        render: (_, d) => (
          <Flex vertical>
            <Link to={`/monitoring/devices/${d.id}`} onClick={(e) => e.stopPropagation()} data-testid={`device-link-${d.id}`}>
              {d.name}
            </Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.code}
            </Typography.Text>
          </Flex>
        ),
      },
      ...(enterpriseSide
        ? []
        : [
            {
              title: '企业',
              key: 'enterpriseName',
              width: 220,
              sorter: true,
              sortOrder: list.sortOrderOf('enterpriseName'),
              render: (_: unknown, d: DeviceDto) => (
                <Typography.Text ellipsis={{ tooltip: d.enterpriseName }}>{d.enterpriseName}</Typography.Text>
              ),
            },
          ]),
      {
        title: '接入状态',
        key: 'connected',
        width: 90,
        render: (_, d) => <ConnectedTag connected={d.connected} testId={`device-connected-${d.id}`} />,
      },
      {
        title: '最近上报',
        key: 'lastDataAt',
        width: 110,
        render: (_, d) => <LastReport at={d.lastDataAt} testId={`device-last-data-${d.id}`} />,
      },
      {
        title: '类型',
        key: 'collectorType',
        width: 120,
        sorter: true,
        sortOrder: list.sortOrderOf('collectorType'),
        render: (_, d) => COLLECTOR_TYPE_LABELS[d.collectorType],
      },
      {
        title: '除尘系统 / 位置',
        key: 'system',
        width: 200,
        render: (_, d) => (
          <Flex vertical>
            <span>{d.systemName ?? '—'}</span>
            {d.location && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.location}
              </Typography.Text>
            )}
          </Flex>
        ),
      },
      {
        title: '监测项',
        key: 'signals',
        width: 150,
        render: (_, d) => {
          const optional = d.signals.filter((x) => !d.mandatorySignals.includes(x));
          return (
            <Tooltip title={d.signals.map(signalLabel).join('、') || '未配置'}>
              <Typography.Text>
                {d.mandatorySignals.length > 0 ? `必选 ${d.mandatorySignals.length}` : '无必选'}
                {optional.length > 0 ? ` · 可选 ${optional.length}` : ''}
              </Typography.Text>
            </Tooltip>
          );
        },
      },
      { title: '上报间隔', key: 'interval', width: 90, render: (_, d) => `${d.reportingIntervalS} 秒` },
      {
        title: '状态',
        key: 'status',
        width: 80,
        sorter: true,
        sortOrder: list.sortOrderOf('status'),
        render: (_, d) => <DeviceStatusTag status={d.status} />,
      },
      ...(canManage
        ? [
            {
              title: '操作',
              key: 'actions',
              width: 150,
              fixed: 'right' as const,
              render: (_: unknown, d: DeviceDto) => (
                // biome-ignore lint/a11y/noStaticElementInteractions: only stops the row click under the buttons.
                // biome-ignore lint/a11y/useKeyWithClickEvents: the buttons inside are keyboard-reachable.
                <span onClick={(e) => e.stopPropagation()}>
                  <Space size={0}>
                    {d.abilities.update && (
                      <Button type="link" size="small" onClick={() => setEditing(d)} data-testid={`device-edit-${d.id}`}>
                        编辑
                      </Button>
                    )}
                    <RotateSecretButton device={d} type="link" size="small" />
                  </Space>
                </span>
              ),
            },
          ]
        : []),
    ],
    [enterpriseSide, canManage, list.sortOrderOf],
  );

  const emptyState = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        list.filtered
          ? '没有符合条件的设备，请调整查询条件'
          : canManage
            ? '暂无监测设备，点击「新建设备」登记除尘器，或「批量导入」'
            : '暂无监测设备，设备由企业或区局登记后在此显示'
      }
    />
  );

  return (
    <Flex vertical gap={phone ? 12 : 16}>
      <PageHeader
        title={enterpriseSide ? '监测设备' : '设备'}
        description="除尘器监测设备：编号和密钥用于 MQTT / HTTP 接入"
        extra={
          canManage && (
            <Space wrap>
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="devices-import">
                批量导入
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="devices-create">
                新建设备
              </Button>
            </Space>
          )
        }
      />
      <FilterBar<Filters>
        form={form}
        values={list.filters}
        onSearch={(v) => list.setFilters(v)}
        onReset={() => list.setFilters({})}
        // A filter that is set (by a link, e.g. a tile's 设备, or a reload) must not hide behind 展开.
        collapsedCount={phone ? (list.filtered ? FILTERS.length : 1) : list.filters.q || list.filters.connected ? FILTERS.length : 3}
        testIdPrefix="devices"
      >
        {enterpriseSide ? null : (
          <Form.Item key="enterpriseId" name="enterpriseId" label="企业">
            <EnterpriseFilterSelect data-testid="devices-filter-enterprise" />
          </Form.Item>
        )}
        <Form.Item key="collectorType" name="collectorType" label="类型">
          <Select
            allowClear
            placeholder="全部"
            options={COLLECTOR_TYPES.map((t) => ({ value: t, label: COLLECTOR_TYPE_LABELS[t] }))}
            data-testid="devices-filter-type"
          />
        </Form.Item>
        <Form.Item key="status" name="status" label="状态">
          <Select
            allowClear
            placeholder="全部"
            options={DEVICE_STATUSES.map((s) => ({ value: s, label: DEVICE_STATUS_LABELS[s], ...testId(`devices-status-${s}`) }))}
            data-testid="devices-filter-status"
          />
        </Form.Item>
        <Form.Item key="connected" name="connected" label="接入状态">
          <Select
            allowClear
            placeholder="全部"
            options={CONNECTED_OPTIONS.map((o) => ({ ...o, ...testId(`devices-connected-${o.value}`) }))}
            data-testid="devices-filter-connected"
          />
        </Form.Item>
        <Form.Item key="q" name="q" label="关键字">
          <Input allowClear placeholder="设备编号、名称或企业名称" data-testid="devices-filter-q" />
        </Form.Item>
      </FilterBar>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : phone ? (
        <Flex vertical gap={10} data-testid="devices-list">
          {query.isLoading && <Card loading size="small" />}
          {query.data?.items.length === 0 && <Card size="small">{emptyState}</Card>}
          {query.data?.items.map((d) => (
            <Card key={d.id} size="small" hoverable onClick={() => open(d.id)} data-testid={`device-card-${d.id}`}>
              <Flex justify="space-between" align="center" gap={8}>
                <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                  <Flex gap={6} align="center" wrap>
                    <Typography.Text strong>{d.name}</Typography.Text>
                    <DeviceStatusTag status={d.status} />
                    <ConnectedTag connected={d.connected} testId={`device-connected-${d.id}`} />
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {d.code} · {COLLECTOR_TYPE_LABELS[d.collectorType]}
                    {d.location ? ` · ${d.location}` : ''}
                  </Typography.Text>
                  {!enterpriseSide && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                      {d.enterpriseName}
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    最近上报：
                    <LastReport at={d.lastDataAt} secondary testId={`device-last-data-${d.id}`} />
                  </Typography.Text>
                </Flex>
                <RightOutlined style={{ color: 'rgba(0,0,0,0.3)' }} />
              </Flex>
            </Card>
          ))}
          <CardListPager list={list} total={query.data?.total} />
        </Flex>
      ) : (
        <Card>
          <Table<DeviceDto>
            className="zb-clickable-rows"
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            pagination={paginationOf(list, query.data?.total)}
            onChange={list.onTableChange}
            onRow={(d) => ({ onClick: () => open(d.id), ...testId(`device-row-${d.id}`) })}
            scroll={{ x: enterpriseSide ? 1100 : 1320 }}
            locale={{ emptyText: emptyState }}
            data-testid="devices-table"
          />
        </Card>
      )}
      {creating && (
        <DeviceFormModal
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            setCreated(c);
          }}
        />
      )}
      {editing && <DeviceFormModal device={editing} onClose={() => setEditing(null)} />}
      {created && <SecretModal device={created.device} secret={created.secret} rotated={false} onClose={() => setCreated(null)} />}
      {importing && <DeviceImportWizard onClose={() => setImporting(false)} onImported={invalidate} />}
    </Flex>
  );
}
