import { CheckCircleOutlined, GiftOutlined } from '@ant-design/icons';
import type { EmployeeReportDto } from '@zhiben/contracts';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { RewardReportModal } from './RewardReportModal';
import { VerifyReportModal } from './VerifyReportModal';

/**
 * 核实 and 奖励 as the report's `abilities` allow (the server decides: its own enterprise's verifiers only). In a
 * table row the test ids carry the report id; in the drawer they are plain.
 */
export function ReportActions({ report, inRow = false }: { report: EmployeeReportDto; inRow?: boolean }) {
  const [open, setOpen] = useState<'verify' | 'reward' | null>(null);
  const { verify, reward } = report.abilities;
  if (!verify && !reward) return null;
  const suffix = inRow ? `-${report.id}` : '';
  return (
    // A click on a row action must not also open the row's drawer.
    // biome-ignore lint/a11y/noStaticElementInteractions: only stops the click from reaching the row.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the buttons inside are the keyboard targets.
    <span onClick={(e) => e.stopPropagation()}>
      <Space size={inRow ? 4 : 8}>
        {verify && (
          <Button
            size={inRow ? 'small' : 'middle'}
            type={report.status === 'submitted' ? 'primary' : 'default'}
            icon={<CheckCircleOutlined />}
            onClick={() => setOpen('verify')}
            data-testid={`report-verify${suffix}`}
          >
            {report.status === 'submitted' ? '核实' : '重新核实'}
          </Button>
        )}
        {reward && (
          <Button
            size={inRow ? 'small' : 'middle'}
            type="primary"
            icon={<GiftOutlined />}
            onClick={() => setOpen('reward')}
            data-testid={`report-reward${suffix}`}
          >
            {report.rewardFen === null ? '奖励' : '发放奖励'}
          </Button>
        )}
      </Space>
      <VerifyReportModal report={report} open={open === 'verify'} onClose={() => setOpen(null)} />
      <RewardReportModal report={report} open={open === 'reward'} onClose={() => setOpen(null)} />
    </span>
  );
}
