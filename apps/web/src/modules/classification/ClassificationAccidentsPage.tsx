import { ACCIDENT_GRADE_LABELS, ACCIDENT_GRADES, type AccidentDto, type AccidentGrade } from '@zhiben/contracts';
import { App, Button, Card, DatePicker, Flex, Form, Grid, Input, InputNumber, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/errors';
import { applyFieldErrors } from '../../api/formErrors';
import { can } from '../../app/access';
import { useSession } from '../../app/session';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { dayjs, formatDateTime } from '../../lib/time';
import { paginationOf, useListState } from '../../lib/useListState';
import { ActionDialog } from '../hazards/ActionDialog';
import { useAccidents, useCreateAccident } from './classification.api';

const FILTERS = ['enterpriseId'] as const;
const GRADE_COLORS: Record<AccidentGrade, string> = { general: 'gold', larger: 'orange', major: 'red', especially_major: 'magenta' };
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

interface AccidentForm {
  enterpriseId: string;
  occurredAt: Dayjs;
  grade: AccidentGrade;
  deaths: number;
  seriousInjuries: number;
  directLossYuan: number;
  description: string;
}

/** 登记事故: the enterprise, when, grade, casualties, direct loss (元, sent in fen) and what happened. */
function AccidentDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<AccidentForm>();
  const { message } = App.useApp();
  const mutation = useCreateAccident();
  const submit = async () => {
    // Invalid input: antd shows the messages under the fields; nothing to send.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await mutation.mutateAsync({
        enterpriseId: v.enterpriseId,
        occurredAt: v.occurredAt.format(),
        grade: v.grade,
        deaths: v.deaths ?? 0,
        seriousInjuries: v.seriousInjuries ?? 0,
        directLossFen: Math.round((v.directLossYuan ?? 0) * 100),
        description: v.description.trim(),
      });
      message.success('已登记事故，该企业风险等级已重新计算');
      form.resetFields();
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    }
  };
  return (
    <ActionDialog
      open={open}
      title="登记生产安全事故"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="登记"
      busy={mutation.isPending}
      testId="accident-form"
    >
      <Form form={form} layout="vertical" initialValues={{ deaths: 0, seriousInjuries: 0, directLossYuan: 0 }}>
        <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择发生事故的企业' }]}>
          <EnterpriseSelect data-testid="accident-enterprise" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="occurredAt"
            label="发生时间"
            rules={[
              { required: true, message: '请选择事故发生时间' },
              {
                validator: async (_r, value: Dayjs | undefined) => {
                  if (value?.isAfter(dayjs())) throw new Error('发生时间不能晚于现在');
                },
              },
            ]}
            style={{ minWidth: 220 }}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              data-testid="accident-occurred-at"
            />
          </Form.Item>
          <Form.Item name="grade" label="事故等级" rules={[{ required: true, message: '请选择事故等级' }]} style={{ minWidth: 180 }}>
            <Select
              options={ACCIDENT_GRADES.map((g) => ({ value: g, label: ACCIDENT_GRADE_LABELS[g] }))}
              placeholder="国务院令第493号"
              data-testid="accident-grade"
            />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="deaths" label="死亡人数" rules={[{ required: true, message: '请填写死亡人数' }]}>
            <InputNumber min={0} max={100000} precision={0} data-testid="accident-deaths" />
          </Form.Item>
          <Form.Item name="seriousInjuries" label="重伤人数" rules={[{ required: true, message: '请填写重伤人数' }]}>
            <InputNumber min={0} max={100000} precision={0} data-testid="accident-injuries" />
          </Form.Item>
          <Form.Item name="directLossYuan" label="直接经济损失（元）" rules={[{ required: true, message: '请填写直接经济损失' }]}>
            <InputNumber min={0} max={1_000_000_000} precision={2} style={{ width: 180 }} data-testid="accident-loss" />
          </Form.Item>
        </Flex>
        <Form.Item
          name="description"
          label="事故经过"
          rules={[
            { required: true, whitespace: true, message: '请填写事故经过' },
            { min: 2, message: '请填写事故经过' },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="accident-description" />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}

/** /classification/accidents — 生产安全事故: the record that feeds the class (近12个月事故), and 登记事故. */
export function ClassificationAccidentsPage() {
  const me = useSession();
  const phone = Grid.useBreakpoint().md === false;
  const list = useListState(FILTERS);
  const [open, setOpen] = useState(false);
  const params = { page: list.page, pageSize: list.pageSize, enterpriseId: list.filters.enterpriseId };
  const query = useAccidents(params);

  return (
    <Flex vertical gap={phone ? 12 : 16}>
      <Link to="/classification">← 分级分类</Link>
      <PageHeader
        title="事故记录"
        description="生产安全事故计入企业近期事故起数，参与风险等级动态调整；登记后立即重新计算该企业等级"
        extra={
          can(me, 'classification.manage') && (
            <Button type="primary" onClick={() => setOpen(true)} data-testid="accident-create">
              登记事故
            </Button>
          )
        }
      />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          {/* A column flex box stretches the select to the box's width. */}
          <Flex vertical style={{ width: phone ? '100%' : 320 }}>
            <EnterpriseSelect
              value={list.filters.enterpriseId ?? null}
              onChange={(v) => list.setFilters({ enterpriseId: v ?? undefined })}
              placeholder="按企业筛选"
              data-testid="accident-filter-enterprise"
            />
          </Flex>
        </Flex>
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<AccidentDto>
            rowKey="id"
            size="small"
            loading={query.isFetching}
            dataSource={query.data?.items}
            pagination={paginationOf(list, query.data?.total)}
            onChange={list.onTableChange}
            scroll={{ x: 900 }}
            data-testid="accident-table"
            locale={{
              emptyText: list.filtered
                ? '该企业暂无事故记录'
                : can(me, 'classification.manage')
                  ? '暂无事故记录。发生生产安全事故后，点击「登记事故」录入'
                  : '暂无事故记录',
            }}
            columns={[
              { title: '发生时间', dataIndex: 'occurredAt', width: 150, render: (v: string) => formatDateTime(v) },
              {
                title: '企业',
                dataIndex: 'enterpriseName',
                render: (n: string, r) => <Link to={`/classification/enterprises/${r.enterpriseId}`}>{n}</Link>,
              },
              {
                title: '等级',
                dataIndex: 'grade',
                width: 110,
                render: (g: AccidentGrade) => <Tag color={GRADE_COLORS[g]}>{ACCIDENT_GRADE_LABELS[g]}</Tag>,
              },
              { title: '死亡', dataIndex: 'deaths', width: 70, align: 'right' },
              { title: '重伤', dataIndex: 'seriousInjuries', width: 70, align: 'right' },
              { title: '直接经济损失（元）', dataIndex: 'directLossFen', width: 150, align: 'right', render: (f: number) => yuan(f) },
              { title: '事故经过', dataIndex: 'description', ellipsis: true },
            ]}
          />
        )}
      </Card>
      <AccidentDialog open={open} onClose={() => setOpen(false)} />
    </Flex>
  );
}
