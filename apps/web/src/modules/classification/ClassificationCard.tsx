import {
  CLASSIFICATION_TRIGGER_LABELS,
  type ClassificationDto,
  type ClassificationExplanationItem,
  RISK_CLASS_LABELS,
  RISK_CLASSES,
  type RiskClass,
} from '@zhiben/contracts';
import type { FormRule } from 'antd';
import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, Radio, Skeleton, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/errors';
import { applyFieldErrors } from '../../api/formErrors';
import { can } from '../../app/access';
import { useSession } from '../../app/session';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { formatDateTime } from '../../lib/time';
import { ActionDialog } from '../hazards/ActionDialog';
import { useClassification, useClassificationAction } from './classification.api';
import { RiskClassTag } from './RiskClassTag';

const KIND_LABELS: Record<ClassificationExplanationItem['kind'], string> = { start: '起评', adjustment: '调整', override: '人工调整' };

function effectText(item: ClassificationExplanationItem): string {
  if (item.kind !== 'adjustment') return item.riskClass ? `定为 ${item.riskClass} 类` : '—';
  return item.effect > 0 ? `上调 ${item.effect} 档` : `下调 ${-item.effect} 档`;
}

function valueText(value: ClassificationExplanationItem['value']): string {
  if (value === null) return '—';
  if (value === true) return '是';
  if (value === false) return '否';
  return String(value);
}

/** Reason rules matching the server's (`text(…, 500, min)`), with the Chinese messages under the field. */
function reasonRules(what: string, min: number): FormRule[] {
  return [
    { required: true, whitespace: true, message: `请填写${what}` },
    { min, message: `${what}至少 ${min} 个字` },
    { max: 500, message: `${what}最多 500 字` },
  ];
}

type Dialog = 'override' | 'clear' | 'mhi' | null;

/** 人工调整等级 (class + reason): the override wins over the computed class until it is cleared. */
function OverrideDialog({ c, open, onClose }: { c: ClassificationDto; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ riskClass: RiskClass; reason: string }>();
  const { message } = App.useApp();
  const mutation = useClassificationAction(c.enterpriseId, 'override');
  const submit = async () => {
    // Invalid input: antd shows the messages under the fields; nothing to send.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      await mutation.mutateAsync({ riskClass: values.riskClass, reason: values.reason.trim() });
      message.success(`已将风险等级人工调整为 ${values.riskClass} 类`);
      form.resetFields();
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    }
  };
  return (
    <ActionDialog
      open={open}
      title="人工调整风险等级"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="确认调整"
      busy={mutation.isPending}
      width={560}
      testId="classification-override-form"
    >
      <Typography.Paragraph type="secondary">
        按规则计算为 <RiskClassTag riskClass={c.computedClass} />
        。人工调整的等级优先于计算结果，直至取消；调整和理由记入等级变化记录和审计日志。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ riskClass: c.override?.riskClass }}>
        <Form.Item name="riskClass" label="调整为" rules={[{ required: true, message: '请选择调整后的风险等级' }]}>
          <Radio.Group
            optionType="button"
            options={RISK_CLASSES.map((k) => ({
              value: k,
              label: <span data-testid={`classification-override-class-${k}`}>{`${k} 类 ${RISK_CLASS_LABELS[k]}`}</span>,
            }))}
          />
        </Form.Item>
        <Form.Item name="reason" label="调整理由" rules={reasonRules('调整理由', 5)}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder="如：现场核查发现…（至少 5 个字）"
            data-testid="classification-override-reason"
          />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}

/** 取消人工调整 (reason, then a confirmation): back to the computed class. */
function ClearOverrideDialog({ c, open, onClose }: { c: ClassificationDto; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message, modal } = App.useApp();
  const mutation = useClassificationAction(c.enterpriseId, 'clear-override');
  const submit = async () => {
    // Invalid input: antd shows the messages under the fields; nothing to send.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const ok = await modal.confirm({
      title: '确认取消人工调整？',
      content: `取消后恢复为按规则计算的 ${c.computedClass} 类（${RISK_CLASS_LABELS[c.computedClass]}）。`,
      okText: '取消人工调整',
      cancelText: '返回',
      okButtonProps: { danger: true, ...testId('classification-clear-confirm') },
    });
    if (!ok) return;
    try {
      await mutation.mutateAsync({ reason: values.reason.trim() });
      message.success('已取消人工调整，恢复按规则计算的等级');
      form.resetFields();
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    }
  };
  return (
    <ActionDialog
      open={open}
      title="取消人工调整"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="取消人工调整"
      okDanger
      busy={mutation.isPending}
      width={560}
      testId="classification-clear-form"
    >
      <Typography.Paragraph type="secondary">
        现为人工调整的 {c.override?.riskClass} 类，按规则计算为 {c.computedClass} 类。
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label="取消理由" rules={reasonRules('取消理由', 5)}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="至少 5 个字" data-testid="classification-clear-reason" />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}

/** 重大危险源登记 (a starting-class fact) with a reason; the class is recomputed at once. */
function MajorHazardDialog({ c, open, onClose }: { c: ClassificationDto; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const mutation = useClassificationAction(c.enterpriseId, 'major-hazard-installation');
  const next = !c.majorHazardInstallation;
  const submit = async () => {
    // Invalid input: antd shows the messages under the fields; nothing to send.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      await mutation.mutateAsync({ majorHazardInstallation: next, reason: values.reason.trim() });
      message.success(next ? '已登记为构成重大危险源，风险等级已重新计算' : '已取消重大危险源登记，风险等级已重新计算');
      form.resetFields();
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    }
  };
  return (
    <ActionDialog
      open={open}
      title={next ? '登记为构成重大危险源' : '取消重大危险源登记'}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={next ? '确认登记' : '确认取消登记'}
      okDanger={!next}
      busy={mutation.isPending}
      width={560}
      testId="classification-mhi-form"
    >
      <Typography.Paragraph type="secondary">
        构成重大危险源的企业按山西省分类分级办法起评 B 类；变更后立即重新计算风险等级。
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label="变更理由" rules={reasonRules('变更理由', 2)}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder="如：重大危险源辨识报告（编号…）"
            data-testid="classification-mhi-reason"
          />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}

/** The actions of an official with `classification.manage`. */
function ClassificationActions({ c }: { c: ClassificationDto }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const mhi = c.majorHazardInstallation;
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="classification-actions">
      <Button type="primary" onClick={() => setDialog('override')} data-testid="classification-action-override">
        人工调整等级
      </Button>
      {c.override && (
        <Button danger onClick={() => setDialog('clear')} data-testid="classification-action-clear">
          取消人工调整
        </Button>
      )}
      <Flex gap={6} align="center" style={{ marginLeft: 8 }}>
        <span>构成重大危险源</span>
        <Switch
          checked={mhi}
          checkedChildren="是"
          unCheckedChildren="否"
          onChange={() => setDialog('mhi')}
          data-testid="classification-action-mhi"
          data-checked={mhi ? 'true' : 'false'}
        />
      </Flex>
      <OverrideDialog c={c} open={dialog === 'override'} onClose={close} />
      <ClearOverrideDialog c={c} open={dialog === 'clear'} onClose={close} />
      <MajorHazardDialog c={c} open={dialog === 'mhi'} onClose={close} />
    </Flex>
  );
}

/** 分级分类 of one enterprise: the class in force, the rules that fired (rule / value / effect) and the history. */
export function ClassificationCard({ enterpriseId }: { enterpriseId: string }) {
  const me = useSession();
  const query = useClassification(enterpriseId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  return (
    <div data-testid="classification-card" data-class={c.riskClass} data-override={c.override?.riskClass ?? ''}>
      {can(me, 'classification.manage') && <ClassificationActions c={c} />}
      <Descriptions column={{ xs: 1, md: 3 }} size="small" bordered>
        <Descriptions.Item label="现行风险等级">
          <RiskClassTag riskClass={c.riskClass} testId="classification-class" />
        </Descriptions.Item>
        <Descriptions.Item label="按规则计算">
          <RiskClassTag riskClass={c.computedClass} />
          {c.clamped && <Tag>已达上下限</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="计算时间">{formatDateTime(c.computedAt)}</Descriptions.Item>
        {c.override && (
          <Descriptions.Item label="人工调整" span={3}>
            <span data-testid="classification-override">
              <RiskClassTag riskClass={c.override.riskClass} /> {c.override.reason}（{c.override.byName ?? '—'}，
              {formatDateTime(c.override.at)}）
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        定级依据（规则版本 {c.ruleSetVersion}）
      </Typography.Title>
      <Table
        size="small"
        rowKey="rule"
        pagination={false}
        dataSource={c.explanation}
        scroll={{ x: 760 }}
        data-testid="classification-explanation"
        onRow={(row) => ({ 'data-testid': `classification-rule-${row.rule}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '类型', dataIndex: 'kind', width: 90, render: (k: ClassificationExplanationItem['kind']) => KIND_LABELS[k] },
          { title: '规则', dataIndex: 'label', width: 220 },
          { title: '取值', dataIndex: 'value', width: 190, render: (v: ClassificationExplanationItem['value']) => valueText(v) },
          { title: '影响', key: 'effect', width: 120, render: (_: unknown, row) => effectText(row) },
          { title: '依据', dataIndex: 'source', ellipsis: true },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        等级变化记录
      </Typography.Title>
      {c.history.length === 0 ? (
        <Empty description="暂无记录" />
      ) : (
        <Table
          size="small"
          rowKey={(row) => `${row.at}-${row.riskClass}-${row.trigger}`}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={c.history}
          scroll={{ x: 760 }}
          data-testid="classification-history"
          columns={[
            { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
            {
              title: '等级',
              key: 'class',
              render: (_: unknown, row) => (
                <span>
                  {row.previousClass ? `${row.previousClass} → ` : ''}
                  <RiskClassTag riskClass={row.riskClass} />
                </span>
              ),
            },
            {
              title: '触发',
              dataIndex: 'trigger',
              render: (t: keyof typeof CLASSIFICATION_TRIGGER_LABELS) => CLASSIFICATION_TRIGGER_LABELS[t],
            },
            {
              title: '触发的规则',
              key: 'rules',
              render: (_: unknown, row) => row.explanation.map((e) => e.label).join('；'),
            },
            {
              title: '操作人 / 理由',
              key: 'actor',
              render: (_: unknown, row) => [row.actorName, row.reason].filter(Boolean).join('：') || '—',
            },
          ]}
        />
      )}
    </div>
  );
}

/** The card in a Card frame, for pages. */
export function ClassificationPanel({ enterpriseId, title = '分级分类' }: { enterpriseId: string; title?: string }) {
  return (
    <Card title={title}>
      <ClassificationCard enterpriseId={enterpriseId} />
    </Card>
  );
}
