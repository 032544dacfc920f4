import { ArrowLeftOutlined } from '@ant-design/icons';
import { type CaseDto, PENALTY_TYPE_LABELS } from '@zhiben/contracts';
import { App, Button, Card, DatePicker, Descriptions, Flex, Form, Grid, Input, Radio, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { applyFieldErrors } from '../../api/formErrors';
import { canAccess } from '../../app/access';
import { PAGE_ACCESS } from '../../app/pageAccess';
import { useSession } from '../../app/session';
import { detailQueryState } from '../../components/DetailQueryState';
import { useFormLayout } from '../../components/useFormLayout';
import { testId } from '../../lib/testId';
import { dayjs, formatDate, formatDateTime } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { ActionDialog } from '../hazards/ActionDialog';
import { CaseDecisions, CaseStatusTag, partyLabel } from './CaseDecisions';
import { submitErrorText, useCase, useCaseAction, yuan } from './cases.api';

type Dialog = 'decision' | 'payment' | null;

const today = () => dayjs().tz('Asia/Shanghai');
const notAfterToday = (d: Dayjs) => d.isAfter(today(), 'day');

/** 作出处罚决定: the decision date (not before filing, not in the future), where to pay, the evidence. Confirmed. */
function DecisionDialog({ c, onClose }: { c: CaseDto; onClose: () => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const layout = useFormLayout(96);
  const phone = Grid.useBreakpoint().md === false;
  const decide = useCaseAction(c.id, 'decision');
  const filedOn = dayjs(c.createdAt).tz('Asia/Shanghai');
  const hasFine = c.decisions.some((d) => d.fineFen > 0);

  const submit = async () => {
    let v: { decidedOn: Dayjs; paymentChannel?: string; evidence?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const ok = await modal.confirm({
      title: '确认作出处罚决定？',
      content: `将为${c.decisions.length > 1 ? '单位和主要负责人各编号一份' : '单位编号一份'}行政处罚决定书并送达企业，作出后不能撤回。`,
      okText: '确认作出决定',
      cancelText: '取消',
      okButtonProps: testId('case-decision-confirm'),
    });
    if (!ok) return;
    try {
      await decide.mutateAsync({
        decidedOn: v.decidedOn.format('YYYY-MM-DD'),
        paymentChannel: v.paymentChannel?.trim() || null,
        evidence: (v.evidence ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      });
      message.success('已作出处罚决定，决定书已生成');
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(submitErrorText(error));
    }
  };

  return (
    <ActionDialog
      open
      title="作出处罚决定"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="作出决定"
      busy={decide.isPending}
      testId="case-decision-form"
    >
      <Form form={form} {...layout} initialValues={{ decidedOn: today() }} autoComplete="off">
        <Form.Item
          label="决定日期"
          name="decidedOn"
          required
          rules={[
            { required: true, message: '请选择决定日期' },
            {
              validator: async (_r, d: Dayjs | null | undefined) => {
                if (d?.isBefore(filedOn, 'day')) throw new Error('决定日期不能早于立案日期');
                if (d && notAfterToday(d)) throw new Error('决定日期不能晚于今天');
              },
            },
          ]}
        >
          <DatePicker
            disabledDate={(d) => notAfterToday(d) || d.isBefore(filedOn, 'day')}
            inputReadOnly={phone}
            style={{ width: 220 }}
            data-testid="case-decision-date"
          />
        </Form.Item>
        {hasFine && (
          <Form.Item
            label="缴款渠道"
            name="paymentChannel"
            rules={[{ max: 200, message: '缴款渠道最多 200 字' }]}
            extra="印在决定书上：开户银行及账号，或非税收入电子缴款渠道"
          >
            <Input maxLength={200} placeholder="如：长治市非税收入电子缴款平台" data-testid="case-decision-channel" />
          </Form.Item>
        )}
        <Form.Item
          label="证据"
          name="evidence"
          extra="每行一项，最多 20 项（以上事实有下列证据证明）"
          rules={[
            {
              validator: async (_r, s: string | undefined) => {
                const lines = (s ?? '').split('\n').filter((x) => x.trim());
                if (lines.length > 20) throw new Error('证据最多 20 项');
                if (lines.some((x) => x.trim().length > 200)) throw new Error('每项证据最多 200 字');
                if (lines.some((x) => x.trim().length < 2)) throw new Error('每项证据至少 2 个字');
              },
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={'现场检查记录\n现场照片 3 张'}
            data-testid="case-decision-evidence"
          />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}

/** 登记缴款: which party paid (only those with an unpaid fine) and when (after the decision, not in the future). */
function PaymentDialog({ c, onClose }: { c: CaseDto; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const layout = useFormLayout(96);
  const phone = Grid.useBreakpoint().md === false;
  const pay = useCaseAction(c.id, 'payment');
  const open = c.decisions.filter((d) => d.paymentStatus === 'unpaid' || d.paymentStatus === 'overdue');
  const party = Form.useWatch('party', form) as 'enterprise' | 'principal' | undefined;
  const decision = open.find((d) => d.party === party);
  const decidedOn = decision?.decisionDate ? dayjs.tz(decision.decisionDate, 'Asia/Shanghai') : null;

  const submit = async () => {
    let v: { party: 'enterprise' | 'principal'; paidOn: Dayjs };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      await pay.mutateAsync({ party: v.party, paidOn: v.paidOn.format('YYYY-MM-DD') });
      message.success('已登记缴款');
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(submitErrorText(error));
    }
  };

  return (
    <ActionDialog
      open
      title="登记缴款"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="登记"
      busy={pay.isPending}
      testId="case-payment-form"
    >
      <Form form={form} {...layout} initialValues={{ party: open[0]?.party, paidOn: today() }} autoComplete="off">
        <Form.Item label="缴款人" name="party" required rules={[{ required: true, message: '请选择缴款人' }]}>
          <Radio.Group data-testid="case-payment-party">
            <Flex vertical gap={6}>
              {open.map((d) => (
                <Radio key={d.party} value={d.party}>
                  <span data-testid={`case-payment-party-${d.party}`}>
                    {partyLabel(d)}：{d.partyName}（罚款 {yuan(d.fineFen)} 元{d.paymentStatus === 'overdue' ? '，已逾期' : ''}）
                  </span>
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label="缴款日期"
          name="paidOn"
          required
          rules={[
            { required: true, message: '请选择缴款日期' },
            {
              validator: async (_r, d: Dayjs | null | undefined) => {
                if (d && notAfterToday(d)) throw new Error('缴款日期不能晚于今天');
                if (d && decidedOn && d.isBefore(decidedOn, 'day')) throw new Error('缴款日期不能早于处罚决定日期');
              },
            },
          ]}
        >
          <DatePicker
            disabledDate={(d) => notAfterToday(d) || (!!decidedOn && d.isBefore(decidedOn, 'day'))}
            inputReadOnly={phone}
            style={{ width: 220 }}
            data-testid="case-payment-date"
          />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}

function CaseActions({ c, onOpen }: { c: CaseDto; onOpen: (d: Dialog) => void }) {
  const { message, modal } = App.useApp();
  const close = useCaseAction(c.id, 'close');
  const a = c.abilities;

  const onClose = async () => {
    let note = '';
    const ok = await modal.confirm({
      title: '确认结案？',
      content: (
        <Flex vertical gap={8}>
          <Typography.Text>结案后案件不能再变更。</Typography.Text>
          <Input.TextArea
            rows={3}
            maxLength={1000}
            placeholder="结案说明（可选）"
            onChange={(e) => {
              note = e.target.value;
            }}
            data-testid="case-close-note"
          />
        </Flex>
      ),
      okText: '确认结案',
      cancelText: '取消',
      okButtonProps: testId('case-close-confirm'),
      cancelButtonProps: testId('case-close-cancel'),
    });
    if (!ok) return;
    try {
      await close.mutateAsync({ note: note.trim() || null });
      message.success('案件已结案');
    } catch (error) {
      message.error(submitErrorText(error));
    }
  };

  if (!a.decide && !a.recordPayment && !a.close) return null;
  return (
    <Flex wrap gap={8} data-testid="case-actions">
      {a.decide && (
        <Button type="primary" onClick={() => onOpen('decision')} data-testid="case-action-decide">
          作出处罚决定
        </Button>
      )}
      {a.recordPayment && (
        <Button type="primary" onClick={() => onOpen('payment')} data-testid="case-action-payment">
          登记缴款
        </Button>
      )}
      {a.close && (
        <Button loading={close.isPending} onClick={() => void onClose()} data-testid="case-action-close">
          结案
        </Button>
      )}
    </Flex>
  );
}

/** 处理记录: the steps of the case, from its dates (filed → decided → each payment → closed). */
function CaseTimeline({ c }: { c: CaseDto }) {
  const items: { key: string; at: string; color: string; title: string; text?: string }[] = [
    {
      key: 'filed',
      at: c.createdAt,
      color: 'blue',
      title: '立案',
      text: c.decisions.map((d) => `${partyLabel(d)}：${d.types.map((t) => PENALTY_TYPE_LABELS[t]).join('、')}`).join('；'),
    },
  ];
  if (c.decidedAt) {
    items.push({
      key: 'decided',
      at: c.decidedAt,
      color: 'orange',
      title: '作出处罚决定',
      text: c.decisions
        .map((d) => d.decisionNumber)
        .filter(Boolean)
        .join('、'),
    });
  }
  // The steps follow the procedure (filed → decided → paid → closed); a payment is a calendar date, not an instant.
  const paid = c.decisions.filter((d) => d.paidAt).sort((x, y) => (x.paidAt ?? '').localeCompare(y.paidAt ?? ''));
  for (const d of paid) {
    if (d.paidAt) {
      items.push({
        key: `paid-${d.party}`,
        at: d.paidAt,
        color: 'green',
        title: `${partyLabel(d)}缴纳罚款`,
        text: `${yuan(d.fineFen)} 元`,
      });
    }
  }
  if (c.closedAt) items.push({ key: 'closed', at: c.closedAt, color: 'green', title: '结案' });
  return (
    <Timeline
      data-testid="case-timeline"
      items={items.map((i) => ({
        key: i.key,
        color: i.color,
        content: (
          <Flex vertical gap={2}>
            <Typography.Text strong>{i.title}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {/* A payment is a date; the other steps are instants. */}
              {i.key.startsWith('paid-') ? formatDate(i.at) : formatDateTime(i.at)}
            </Typography.Text>
            {i.text && <Typography.Text style={{ fontSize: 13 }}>{i.text}</Typography.Text>}
          </Flex>
        ),
      }))}
    />
  );
}

/** /enforcement/cases/:id — 案件: facts, basis, the penalties (一案双罚) with their 决定书, payment and the steps. */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  const me = useSession();
  const query = useCase(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  usePageTitle('案件');
  const backLink = canAccess(me, PAGE_ACCESS.enforcementCases) ? (
    <Link to="/enforcement/cases" data-testid="case-back">
      <ArrowLeftOutlined /> 案件
    </Link>
  ) : null;

  const pending = detailQueryState({ query, noun: '案件', backLink, testId: 'case' });
  if (pending || !query.data) return pending;
  const c = query.data;
  const total = c.decisions.reduce((sum, d) => sum + d.fineFen, 0);

  return (
    <Flex vertical gap={16} data-testid="case-detail" data-status={c.status}>
      <Card>
        {backLink && <div style={{ marginBottom: 8 }}>{backLink}</div>}
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div style={{ minWidth: 0 }}>
            <Flex align="center" gap={6} wrap>
              <CaseStatusTag status={c.status} />
              {c.dualPenalty && <Tag color="red">一案双罚</Tag>}
            </Flex>
            <Typography.Title level={4} style={{ margin: '8px 0 4px' }} data-testid="case-enterprise">
              {c.enterpriseName}
            </Typography.Title>
            <Typography.Text type="secondary">
              立案时间 {formatDateTime(c.createdAt)} · 罚款合计 {yuan(total)} 元
            </Typography.Text>
          </div>
          <CaseActions c={c} onOpen={setDialog} />
        </Flex>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label="决定时间">{formatDateTime(c.decidedAt)}</Descriptions.Item>
          <Descriptions.Item label="结案时间">{formatDateTime(c.closedAt)}</Descriptions.Item>
          <Descriptions.Item label="检查任务">
            {c.taskId ? (
              <Link to={`/enforcement/tasks/${c.taskId}`} data-testid="case-task-link">
                查看检查任务
              </Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="违法事实与依据">
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="违法事实">
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="case-facts">
              {c.facts}
            </Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label="违法依据">
            <span data-testid="case-legal-basis">{c.legalBasis}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="行政处罚" data-testid="case-penalties">
        <CaseDecisions c={c} />
        {c.status === 'filed' && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            作出处罚决定后，为每个被处罚人生成一份行政处罚决定书（.docx），罚款自决定之日起 15 日内缴纳。
          </Typography.Text>
        )}
      </Card>

      <Card title="处理记录">
        <CaseTimeline c={c} />
      </Card>

      {dialog === 'decision' && <DecisionDialog c={c} onClose={() => setDialog(null)} />}
      {dialog === 'payment' && <PaymentDialog c={c} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
