import { CheckCircleFilled, SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { fetchReceipt } from './publicReports.api';

/** After a report: the receipt code, big enough to read off a screenshot, and the way to follow the outcome. */
export function ReportSuccess({ code, onAgain }: { code: string; onAgain: () => void }) {
  const navigate = useNavigate();
  // The receipt answer names the enterprise the report went to (the QR page itself knows only the token).
  const receipt = useQuery({ queryKey: ['public-receipt', code], queryFn: ({ signal }) => fetchReceipt(code, signal), retry: false });
  return (
    <Card styles={{ body: { padding: '28px 16px' } }} data-testid="report-success">
      <Flex vertical align="center" gap={12} style={{ textAlign: 'center' }}>
        <CheckCircleFilled style={{ fontSize: 56, color: '#52c41a' }} />
        <Typography.Title level={3} style={{ margin: 0 }}>
          报告已提交
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="report-success-enterprise">
          {receipt.data ? `已送达 ${receipt.data.enterpriseName}，企业将尽快核实` : '企业将尽快核实'}
        </Typography.Text>
        <Flex vertical gap={4} style={{ width: '100%', background: '#f0f5ff', borderRadius: 12, padding: '16px 8px', marginTop: 8 }}>
          <Typography.Text type="secondary">回执码</Typography.Text>
          <Typography.Text
            strong
            copyable={{ text: code, tooltips: ['复制回执码', '已复制'] }}
            style={{ fontSize: 30, letterSpacing: 3, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
            data-testid="report-receipt-code"
          >
            {code}
          </Typography.Text>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 14 }}>
          请截图或抄下回执码：凭它查询核实结果；核实属实的，凭它领取奖励。
        </Typography.Paragraph>
        <Button
          type="primary"
          size="large"
          block
          icon={<SearchOutlined />}
          onClick={() => navigate(`/r/receipt/${encodeURIComponent(code)}`)}
          style={{ height: 52, fontSize: 17 }}
          data-testid="report-receipt-link"
        >
          查询处理结果
        </Button>
        <Button size="large" block onClick={onAgain} style={{ height: 48 }} data-testid="report-again">
          继续报告其他隐患
        </Button>
      </Flex>
    </Card>
  );
}
