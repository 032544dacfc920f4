import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import type { StandardItemDto } from '@zhiben/contracts';
import { Alert, Button, Card, Col, Empty, Flex, Form, Input, Row, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { can } from '../../app/access';
import { useSession } from '../../app/session';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { formatDate } from '../../lib/time';
import { paginationOf, useListState } from '../../lib/useListState';
import { LocalItemModal } from './LocalItemModal';
import { ReviseItemModal } from './ReviseItemModal';
import { StandardItemDrawer, VerifiedTag } from './StandardItemDrawer';
import { useStandardItems, useStandardVersions } from './standard.api';
import { ARTICLE_OPTIONS, ARTICLE_TITLES, articleName, describeApplicability, itemRef, SECTOR_OPTIONS, scopeLabel } from './standardLabels';
import { useTagNames } from './useTagNames';
import { VersionHistory } from './VersionHistory';

const FILTERS = ['article', 'sector', 'tag', 'verified', 'q', 'version'] as const;
type Filters = { article?: string; sector?: string; tag?: string; verified?: string; q?: string };

/** 清单库: the 重大事故隐患判定标准 (令10) and local items as versioned data; the bureau revises and publishes versions. */
export function StandardLibraryPage() {
  const me = useSession();
  const mayManage = can(me, 'standard.manage');
  const list = useListState(FILTERS);
  const [form] = Form.useForm<Filters>();
  const { names: tagNames, options: tagOptions } = useTagNames();
  const versions = useStandardVersions();
  const current = versions.data?.items[0]?.version;
  const requested = list.filters.version ? Number(list.filters.version) : undefined;
  const viewing = requested ?? current;
  const viewingOld = requested !== undefined && current !== undefined && requested !== current;
  const [selected, setSelected] = useState<StandardItemDto | undefined>();
  const [revising, setRevising] = useState<StandardItemDto | undefined>();
  const [addingLocal, setAddingLocal] = useState(false);

  const { article, sector, tag, verified, q } = list.filters;
  const query = useStandardItems({ page: list.page, pageSize: list.pageSize, article, sector, tag, verified, q, version: requested });
  // The whole version (65 items and a few local ones), for the count per article.
  const all = useStandardItems({ pageSize: 200, version: requested });
  const perArticle = useMemo(() => {
    const counts = new Map<number, number>();
    for (const item of all.data?.items ?? []) counts.set(item.article, (counts.get(item.article) ?? 0) + 1);
    return [...counts].sort(([a], [b]) => a - b);
  }, [all.data]);
  const unverified = (all.data?.items ?? []).filter((i) => !i.verified).length;

  const filterValues = useMemo<Filters>(() => ({ article, sector, tag, verified, q }), [article, sector, tag, verified, q]);
  const viewVersion = (version: number | undefined) =>
    list.setFilters({ ...list.filters, version: version === undefined || version === current ? undefined : String(version) });
  const revisable = mayManage && !viewingOld;

  const columns: TableColumnsType<StandardItemDto> = [
    {
      title: '条款',
      key: 'ref',
      width: 130,
      render: (_, item) => (
        <Flex vertical gap={4} align="flex-start">
          <Typography.Text strong>{itemRef(item)}</Typography.Text>
          {item.local && <Tag color="purple">地方补充</Tag>}
        </Flex>
      ),
    },
    {
      title: '内容',
      key: 'text',
      render: (_, item) => (
        <Flex vertical gap={2}>
          <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: item.text }}>
            {item.text}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            适用：{describeApplicability(item.applicability, tagNames)}
            {item.exclusions.length > 0 && ` · 除外情形 ${item.exclusions.length} 项`}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '行业/专题', key: 'scope', width: 100, render: (_, item) => scopeLabel(item) },
    { title: '核实', key: 'verified', width: 90, render: (_, item) => <VerifiedTag verified={item.verified} /> },
    {
      title: '操作',
      key: 'actions',
      width: revisable ? 120 : 72,
      fixed: 'right',
      render: (_, item) => (
        <Flex gap={4}>
          <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setSelected(item)}>
            详情
          </Button>
          {revisable && (
            <Button
              type="link"
              size="small"
              onClick={(e) => {
                e.stopPropagation();
                setRevising(item);
              }}
              data-testid={`standard-revise-${item.key}`}
            >
              修订
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="清单库"
        description="《工贸企业重大事故隐患判定标准》（应急管理部令第10号）及地方补充条款；每次修订发布新版本，已开展的检查保留原版本原文"
        extra={
          mayManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAddingLocal(true)} data-testid="standard-add-local">
              新增地方补充条款
            </Button>
          )
        }
      />
      <FilterBar<Filters>
        form={form}
        values={filterValues}
        onSearch={(v) => list.setFilters({ ...v, version: list.filters.version })}
        onReset={() => list.setFilters({ version: list.filters.version })}
        collapsedCount={3}
        testIdPrefix="standard"
      >
        <Form.Item key="article" name="article" label="条">
          <Select
            allowClear
            placeholder="全部条款"
            options={ARTICLE_OPTIONS.map((o) => ({ value: String(o.value), label: o.label }))}
            data-testid="standard-filter-article"
          />
        </Form.Item>
        <Form.Item key="q" name="q" label="关键字">
          <Input allowClear placeholder="条款内容或关键词，如 砂光机" data-testid="standard-filter-q" />
        </Form.Item>
        <Form.Item key="verified" name="verified" label="核实状态">
          <Select
            allowClear
            placeholder="全部"
            options={[
              { value: 'false', label: '待核实' },
              { value: 'true', label: '已核实' },
            ]}
            data-testid="standard-filter-verified"
          />
        </Form.Item>
        <Form.Item key="sector" name="sector" label="行业">
          <Select allowClear placeholder="全部行业" options={SECTOR_OPTIONS} />
        </Form.Item>
        <Form.Item key="tag" name="tag" label="标签">
          <Select allowClear placeholder="全部标签" options={tagOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </FilterBar>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card>
            <Flex vertical gap={12} style={{ marginBottom: 12 }}>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Flex align="center" gap={8} wrap>
                  <Typography.Text>版本</Typography.Text>
                  <Select<number>
                    style={{ minWidth: 220 }}
                    value={viewing}
                    loading={versions.isLoading}
                    onChange={(v) => viewVersion(v)}
                    options={(versions.data?.items ?? []).map((v) => ({
                      value: v.version,
                      label: `第 ${v.version} 版${v.version === current ? '（现行）' : ''} · ${formatDate(v.publishedAt)}`,
                    }))}
                    data-testid="standard-version-select"
                  />
                  {unverified > 0 && (
                    <Tag
                      color="orange"
                      style={{ cursor: 'pointer' }}
                      onClick={() => list.setFilters({ ...list.filters, verified: 'false' })}
                    >
                      待核实 {unverified} 条
                    </Tag>
                  )}
                </Flex>
                <Typography.Text type="secondary">本版共 {(all.data?.total ?? 0).toLocaleString('zh-CN')} 条</Typography.Text>
              </Flex>
              {viewingOld && (
                <Alert
                  type="warning"
                  showIcon
                  title={`正在查看第 ${requested} 版（历史版本）。历史版本只读，修订请切换到现行第 ${current} 版。`}
                  action={
                    <Button size="small" onClick={() => viewVersion(undefined)} icon={<HistoryOutlined />}>
                      返回现行版本
                    </Button>
                  }
                  data-testid="standard-old-version"
                />
              )}
              <Flex gap={6} wrap data-testid="standard-article-counts">
                {perArticle.map(([a, n]) => (
                  <Tag.CheckableTag
                    key={a}
                    checked={article === String(a)}
                    onChange={(checked) => list.setFilters({ ...list.filters, article: checked ? String(a) : undefined })}
                    style={{ border: '1px solid #d9d9d9', paddingBlock: 2 }}
                  >
                    {articleName(a)}
                    {a !== 90 && <span style={{ opacity: 0.65 }}> {ARTICLE_TITLES[a]}</span>} · {n}
                  </Tag.CheckableTag>
                ))}
              </Flex>
            </Flex>
            {query.isError ? (
              <QueryError error={query.error} onRetry={() => void query.refetch()} />
            ) : (
              <Table<StandardItemDto>
                className="zb-clickable-rows"
                rowKey="id"
                columns={columns}
                dataSource={query.data?.items}
                loading={query.isFetching}
                pagination={paginationOf(list, query.data?.total)}
                onChange={list.onTableChange}
                onRow={(item) => ({ onClick: () => setSelected(item), ...testId(`standard-row-${item.key}`) })}
                scroll={{ x: 760 }}
                size="middle"
                locale={{
                  emptyText: (
                    <Empty
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description={list.filtered ? '没有符合条件的条款，请调整查询条件或点击「重置」' : '本版本暂无条款'}
                    />
                  ),
                }}
                data-testid="standard-table"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <VersionHistory viewing={viewing} onView={viewVersion} />
        </Col>
      </Row>
      <StandardItemDrawer
        item={selected}
        tagNames={tagNames}
        onClose={() => setSelected(undefined)}
        onRevise={revisable ? (item) => setRevising(item) : undefined}
      />
      <ReviseItemModal
        item={revising}
        onClose={() => setRevising(undefined)}
        onPublished={(item) => {
          setRevising(undefined);
          setSelected((open) => (open ? item : open));
          viewVersion(undefined);
        }}
      />
      <LocalItemModal
        open={addingLocal}
        tagOptions={tagOptions}
        onClose={() => setAddingLocal(false)}
        onPublished={(item) => {
          setAddingLocal(false);
          setSelected(item);
          viewVersion(undefined);
        }}
      />
    </Flex>
  );
}
