import type { ReceiptStatusDto } from '@zhiben/contracts';
import { Card, Descriptions, Flex, Typography } from 'antd';
import { formatDate, formatDateTime } from '../lib/time';
import { formatYuan, ReportStatusTag } from '../modules/employee-reports/reportLabels';

/** What the status means for the reporter, in one sentence. */
function headlineOf(r: ReceiptStatusDto): string {
  switch (r.status) {
    case 'submitted':
      return '企业正在核实你报告的隐患，请过几天再来查询。';
    case 'confirmed':
      if (r.rewardFen === null) return '经核实属实，已列入企业隐患整改。奖励正在评定。';
      return r.rewardPaidAt
        ? `经核实属实，已列入企业隐患整改。奖励 ${formatYuan(r.rewardFen)} 已发放。`
        : `经核实属实，已列入企业隐患整改。奖励 ${formatYuan(r.rewardFen)}，请凭回执码向企业领取。`;
    case 'rejected':
      return '经核实，报告的情况不属实。感谢你对安全生产的关注。';
    case 'duplicate':
      return '该隐患此前已有人报告，企业正在处理。感谢你对安全生产的关注。';
  }
}

/** The public receipt: status, outcome and reward only. */
export function ReceiptResult({ receipt }: { receipt: ReceiptStatusDto }) {
  const confirmed = receipt.status === 'confirmed';
  return (
    <Card data-testid="report-receipt-result" styles={{ body: { padding: '20px 16px' } }}>
      <Flex vertical gap={14}>
        <Flex align="center" gap={10} data-testid="report-receipt-status">
          <Typography.Text style={{ fontSize: 16 }}>处理状态</Typography.Text>
          <span style={{ transform: 'scale(1.2)', transformOrigin: 'left center' }}>
            <ReportStatusTag status={receipt.status} />
          </span>
        </Flex>
        <Typography.Paragraph style={{ fontSize: 16, margin: 0, lineHeight: 1.7 }}>{headlineOf(receipt)}</Typography.Paragraph>
        <Descriptions
          column={1}
          size="small"
          bordered
          styles={{ label: { width: 96 } }}
          items={[
            { key: 'code', label: '回执码', children: <Typography.Text code>{receipt.receiptCode}</Typography.Text> },
            { key: 'enterprise', label: '报告企业', children: receipt.enterpriseName },
            { key: 'submittedAt', label: '提交时间', children: formatDateTime(receipt.submittedAt) },
            { key: 'outcome', label: '核实结果', children: receipt.outcomeLabel ?? '待核实' },
            ...(receipt.verifiedAt ? [{ key: 'verifiedAt', label: '核实时间', children: formatDateTime(receipt.verifiedAt) }] : []),
            ...(confirmed
              ? [
                  { key: 'grade', label: '奖励等级', children: receipt.grade ?? '待评定' },
                  {
                    key: 'reward',
                    label: '奖励金额',
                    children: (
                      <span data-testid="report-receipt-reward">
                        {receipt.rewardFen === null ? '待评定' : formatYuan(receipt.rewardFen)}
                      </span>
                    ),
                  },
                  {
                    key: 'paid',
                    label: '发放情况',
                    children: receipt.rewardPaidAt
                      ? `已发放（${formatDate(receipt.rewardPaidAt)}）`
                      : receipt.rewardFen === null
                        ? '—'
                        : '待发放',
                  },
                ]
              : []),
          ]}
        />
      </Flex>
    </Card>
  );
}
