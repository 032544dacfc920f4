import { PlusOutlined } from '@ant-design/icons';
import {
  createSupervisionMeasureBody,
  SUPERVISION_MEASURE_KIND_LABELS,
  SUPERVISION_MEASURE_KINDS,
  type SupervisionMeasureDto,
  type SupervisionMeasureKind,
} from '@zhiben/contracts';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Grid, Input, Radio, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { applyFieldErrors } from '../../api/formErrors';
import { can, sideOf } from '../../app/access';
import { useSession } from '../../app/session';
import { CardListPager } from '../../components/CardListPager';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useFormLayout } from '../../components/useFormLayout';
import { requiredSelect, zodRule } from '../../lib/formRules';
import { dayjs, formatDate } from '../../lib/time';
import { paginationOf, useListState } from '../../lib/useListState';
import { useEnterprise } from '../enterprises/enterprises.api';
import { ActionDialog } from '../hazards/ActionDialog';
import { submitErrorText, useCases, useCreateMeasure, useMeasures } from './cases.api';

const FILTERS = ['q', 'kind', 'enterpriseId'] as const;
const KIND_COLORS: Record<SupervisionMeasureKind, string> = { notice: 'blue', interview: 'orange', exposure: 'red' };
const shape = createSupervisionMeasureBody.shape;

interface Values {
  kind: SupervisionMeasureKind;
  enterpriseId?: string | null;
  date: Dayjs;
  subject: string;
  content: string;
  attendees?: string;
  caseId?: string | null;
}

/** 记录通报、约谈或曝光: kind, enterprise, date, subject, content; 约谈 names who was interviewed; optionally the case. */
function CreateMeasureDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const layout = useFormLayout(96);
  const phone = Grid.useBreakpoint().md === false;
  const create = useCreateMeasure();
  const kind = Form.useWatch('kind', form);
  const enterpriseId = Form.useWatch('enterpriseId', form) ?? undefined;
  const enterprise = useEnterprise(enterpriseId);
  const cases = useCases({ enterpriseId, pageSize: 50 }, !!enterpriseId);
  const caseOptions = enterpriseId
    ? (cases.data?.items ?? [])
        .filter((c) => c.enterpriseId === enterpriseId)
        .map((c) => ({ value: c.id, label: `${formatDate(c.createdAt)} 立案 · ${c.facts.slice(0, 30)}` }))
    : [];

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      await create.mutateAsync({
        kind: v.kind,
        enterpriseId: v.enterpriseId ?? '',
        date: v.date.format('YYYY-MM-DD'),
        subject: v.subject.trim(),
        content: v.content.trim(),
        attendees: v.kind === 'interview' ? v.attendees?.trim() || null : null,
        caseId: v.caseId ?? null,
        hazardIds: [],
      });
      message.success(`已记录${SUPERVISION_MEASURE_KIND_LABELS[v.kind]}，并通知企业`);
      form.resetFields();
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(submitErrorText(error));
    }
  };

  return (
    <ActionDialog
      open={open}
      title="记录通报 / 约谈 / 曝光"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存"
      busy={create.isPending}
      width={720}
      testId="measure-create-form"
    >
      <Form<Values>
        form={form}
        {...layout}
        preserve={false}
        autoComplete="off"
        initialValues={{ kind: 'notice', date: dayjs() }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('enterpriseId' in changed) form.setFieldValue('caseId', null);
        }}
      >
        <Form.Item label="类型" name="kind" required rules={[requiredSelect('请选择通报、约谈或曝光')]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={SUPERVISION_MEASURE_KINDS.map((k) => ({ value: k, label: SUPERVISION_MEASURE_KIND_LABELS[k] }))}
            data-testid="measure-create-kind"
          />
        </Form.Item>
        <Form.Item label="企业" name="enterpriseId" required rules={[requiredSelect('请选择企业')]}>
          <EnterpriseSelect data-testid="measure-create-enterprise" />
        </Form.Item>
        <Form.Item
          label="日期"
          name="date"
          required
          rules={[{ required: true, message: '请选择日期' }]}
          extra={kind === 'interview' ? '约谈日期' : kind === 'exposure' ? '曝光日期' : '通报日期'}
        >
          <DatePicker inputReadOnly={phone} style={{ width: 220 }} data-testid="measure-create-date" />
        </Form.Item>
        <Form.Item label="事由" name="subject" required rules={[zodRule(shape.subject)]}>
          <Input maxLength={200} showCount placeholder="如：重大事故隐患整改推进不力" data-testid="measure-create-subject" />
        </Form.Item>
        <Form.Item label="内容" name="content" required rules={[zodRule(shape.content)]}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={5000}
            showCount
            placeholder={kind === 'interview' ? '约谈内容与企业的整改承诺' : '通报或曝光的内容'}
            data-testid="measure-create-content"
          />
        </Form.Item>
        {kind === 'interview' && (
          <Form.Item
            label="约谈对象"
            name="attendees"
            rules={[zodRule(shape.attendees)]}
            extra={enterprise.data?.principalName ? `企业主要负责人：${enterprise.data.principalName}` : undefined}
          >
            <Input maxLength={200} placeholder="如：主要负责人、安全管理人员" data-testid="measure-create-attendees" />
          </Form.Item>
        )}
        <Form.Item label="关联案件" name="caseId" extra="可选">
          <Select
            allowClear
            disabled={!enterpriseId}
            loading={cases.isFetching}
            options={caseOptions}
            placeholder={enterpriseId ? '不关联案件' : '请先选择企业'}
            notFoundContent="该企业暂无案件"
            data-testid="measure-create-case"
          />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}

/** /enforcement/measures — 通报、约谈、曝光 of enterprises (seed §四(三)): list by kind and enterprise, and record one. */
export function MeasuresPage() {
  const me = useSession();
  const phone = Grid.useBreakpoint().md === false;
  const [creating, setCreating] = useState(false);
  const list = useListState(FILTERS);
  const f = list.filters;
  const canRecord = can(me, 'enforcement.penalize');
  // An enterprise account sees only the measures against itself (the server scopes the list): no name search.
  const enterprise = sideOf(me) === 'enterprise';
  const query = useMeasures({ page: list.page, pageSize: list.pageSize, q: f.q, kind: f.kind, enterpriseId: f.enterpriseId });

  const empty = list.filtered ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的记录，请调整筛选条件" />
  ) : (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={canRecord ? '暂无通报、约谈、曝光记录，点击「新建记录」登记' : '暂无通报、约谈、曝光记录'}
    />
  );

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="通报约谈曝光"
        description={
          enterprise
            ? '区应急管理局对本企业的通报、约谈、曝光记录'
            : '对工作推进不力、隐患整改不到位的企业进行通报、约谈、曝光，企业负责人会收到通知'
        }
        extra={
          canRecord && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="measure-create">
              新建记录
            </Button>
          )
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          {!enterprise && (
            <Input.Search
              allowClear
              placeholder="企业名称"
              defaultValue={f.q}
              onSearch={(v) => list.setFilters({ ...f, q: v.trim() || undefined })}
              style={{ width: phone ? '100%' : 220 }}
              data-testid="measure-filter-q"
            />
          )}
          <Radio.Group
            optionType="button"
            value={f.kind ?? ''}
            onChange={(e) => list.setFilters({ ...f, kind: (e.target.value as string) || undefined })}
            options={[
              { value: '', label: '全部' },
              ...SUPERVISION_MEASURE_KINDS.map((k) => ({ value: k, label: SUPERVISION_MEASURE_KIND_LABELS[k] })),
            ]}
            data-testid="measure-filter-kind"
          />
        </Flex>
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : phone ? (
          <Flex vertical gap={8}>
            {query.isLoading && <Card loading size="small" />}
            {query.data?.items.length === 0 && empty}
            {query.data?.items.map((m) => (
              <Card key={m.id} size="small" data-testid={`measure-card-${m.id}`}>
                <Flex vertical gap={4}>
                  <Flex gap={6} align="center" wrap>
                    <Tag color={KIND_COLORS[m.kind]}>{SUPERVISION_MEASURE_KIND_LABELS[m.kind]}</Tag>
                    <Typography.Text type="secondary">{formatDate(m.date)}</Typography.Text>
                  </Flex>
                  <Typography.Text strong>{m.enterpriseName}</Typography.Text>
                  <Typography.Text>{m.subject}</Typography.Text>
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} style={{ margin: 0 }}>
                    {m.content}
                  </Typography.Paragraph>
                  {m.attendees && <Typography.Text type="secondary">约谈对象：{m.attendees}</Typography.Text>}
                  {m.caseId && <Link to={`/enforcement/cases/${m.caseId}`}>查看关联案件</Link>}
                </Flex>
              </Card>
            ))}
            <CardListPager list={list} total={query.data?.total} />
          </Flex>
        ) : (
          <Table<SupervisionMeasureDto>
            rowKey="id"
            loading={query.isFetching}
            dataSource={query.data?.items}
            pagination={paginationOf(list, query.data?.total)}
            onChange={list.onTableChange}
            scroll={{ x: 'max-content' }}
            data-testid="measure-table"
            locale={{ emptyText: empty }}
            onRow={(m) => ({ 'data-testid': `measure-row-${m.id}` }) as React.HTMLAttributes<HTMLElement>}
            expandable={{
              expandedRowRender: (m) => (
                <Flex vertical gap={4}>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{m.content}</Typography.Paragraph>
                  {m.attendees && <Typography.Text type="secondary">约谈对象：{m.attendees}</Typography.Text>}
                </Flex>
              ),
            }}
            columns={[
              { title: '日期', dataIndex: 'date', width: 110, render: (v: string) => formatDate(v) },
              {
                title: '类型',
                dataIndex: 'kind',
                width: 80,
                render: (k: SupervisionMeasureKind) => <Tag color={KIND_COLORS[k]}>{SUPERVISION_MEASURE_KIND_LABELS[k]}</Tag>,
              },
              { title: '企业', dataIndex: 'enterpriseName' },
              { title: '事由', dataIndex: 'subject' },
              {
                title: '关联案件',
                dataIndex: 'caseId',
                width: 90,
                render: (id: string | null) => (id ? <Link to={`/enforcement/cases/${id}`}>查看</Link> : '—'),
              },
            ]}
          />
        )}
      </Card>
      {canRecord && <CreateMeasureDialog open={creating} onClose={() => setCreating(false)} />}
    </Flex>
  );
}
