import {
  CASE_STATUS_LABELS,
  type CaseDto,
  type CaseStatus,
  PAYMENT_STATUS_LABELS,
  type PaymentStatus,
  PENALTY_TYPE_LABELS,
  type PenaltyDecisionDto,
} from '@zhiben/contracts';
import { Card, Descriptions, Flex, Grid, Table, Tag } from 'antd';
import { formatDate } from '../../lib/time';
import { yuan } from './cases.api';
import { documentHref } from './enforcement.api';

const CASE_STATUS_COLORS: Record<CaseStatus, string> = { filed: 'processing', decided: 'warning', closed: 'success' };
const PAYMENT_COLORS: Record<PaymentStatus, string> = { not_applicable: 'default', unpaid: 'orange', paid: 'green', overdue: 'red' };

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  return (
    <Tag color={CASE_STATUS_COLORS[status]} data-testid="case-status-tag" data-status={status}>
      {CASE_STATUS_LABELS[status]}
    </Tag>
  );
}

export function PaymentTag({ status }: { status: PaymentStatus }) {
  return <Tag color={PAYMENT_COLORS[status]}>{PAYMENT_STATUS_LABELS[status]}</Tag>;
}

export const partyLabel = (d: Pick<PenaltyDecisionDto, 'party'>) => (d.party === 'enterprise' ? '单位' : '主要负责人');

function DecisionDoc({ d }: { d: PenaltyDecisionDto }) {
  return d.documentId ? (
    <a href={documentHref(d.documentId)} download data-testid={`case-decision-doc-${d.party}`}>
      {d.decisionNumber}（.docx）
    </a>
  ) : (
    <span>{d.decisionNumber ?? '待作出决定'}</span>
  );
}

function DecisionPayment({ d }: { d: PenaltyDecisionDto }) {
  // Before the decision nothing is due yet (the 15 days run from the decision).
  if (!d.decisionDate && d.paymentStatus === 'unpaid') {
    return (
      <span data-testid={`case-decision-payment-${d.party}`} data-payment={d.paymentStatus}>
        决定后缴纳
      </span>
    );
  }
  return (
    <span data-testid={`case-decision-payment-${d.party}`} data-payment={d.paymentStatus}>
      <PaymentTag status={d.paymentStatus} />
      {d.paidAt && formatDate(d.paidAt)}
    </span>
  );
}

const typesText = (t: PenaltyDecisionDto['types']) => t.map((x) => PENALTY_TYPE_LABELS[x]).join('、');

/** The penalties of a case, one row per party (一案双罚: the enterprise and its principal), with the 决定书 .docx. */
export function CaseDecisions({ c }: { c: CaseDto }) {
  const phone = Grid.useBreakpoint().md === false;
  if (phone) {
    // A table would hide the 决定书 and the payment off-screen: one small card per party instead.
    return (
      <Flex vertical gap={8} data-testid={`case-decisions-${c.id}`}>
        {c.decisions.map((d) => (
          <Card key={d.party} size="small" title={`${partyLabel(d)}：${d.partyName}`} data-testid={`case-decision-${d.party}`}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="处罚种类">{typesText(d.types)}</Descriptions.Item>
              <Descriptions.Item label="罚款">{yuan(d.fineFen)} 元</Descriptions.Item>
              <Descriptions.Item label="处罚依据">{d.penaltyBasis}</Descriptions.Item>
              <Descriptions.Item label="决定书">
                <DecisionDoc d={d} />
              </Descriptions.Item>
              <Descriptions.Item label="决定日期">{formatDate(d.decisionDate)}</Descriptions.Item>
              <Descriptions.Item label="缴款">
                <DecisionPayment d={d} />
              </Descriptions.Item>
            </Descriptions>
          </Card>
        ))}
      </Flex>
    );
  }
  return (
    <Table<PenaltyDecisionDto>
      size="small"
      rowKey="party"
      pagination={false}
      dataSource={c.decisions}
      scroll={{ x: 960 }}
      data-testid={`case-decisions-${c.id}`}
      onRow={(d) => ({ 'data-testid': `case-decision-${d.party}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: '当事人', key: 'party', render: (_: unknown, d) => `${partyLabel(d)}：${d.partyName}` },
        { title: '处罚种类', dataIndex: 'types', width: 110, render: typesText },
        { title: '罚款（元）', dataIndex: 'fineFen', width: 110, align: 'right', render: (f: number) => yuan(f) },
        { title: '处罚依据', dataIndex: 'penaltyBasis' },
        { title: '行政处罚决定书', key: 'doc', render: (_: unknown, d) => <DecisionDoc d={d} /> },
        { title: '决定日期', dataIndex: 'decisionDate', width: 110, render: (v: string | null) => formatDate(v) },
        { title: '缴款', key: 'payment', width: 170, render: (_: unknown, d) => <DecisionPayment d={d} /> },
      ]}
    />
  );
}
