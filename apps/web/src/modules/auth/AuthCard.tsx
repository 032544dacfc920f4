import { SafetyCertificateFilled } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The centred card with the platform's name used by the login and forced change-password pages. */
export function AuthCard({ children, width = 420 }: { children: ReactNode; width?: number }) {
  return (
    <Flex className="zb-login-bg" align="center" justify="center" vertical style={{ padding: '32px 16px' }}>
      <Card
        style={{ width: '100%', maxWidth: width, boxShadow: '0 8px 32px rgba(11,58,126,0.18)' }}
        styles={{ body: { padding: '32px 28px 12px' } }}
      >
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24, textAlign: 'center' }}>
          <SafetyCertificateFilled style={{ fontSize: 40, color: '#1554ad' }} />
          <Typography.Title level={3} style={{ margin: '8px 0 0', lineHeight: 1.4 }}>
            治本 · 工贸行业安全生产治本攻坚监管平台
          </Typography.Title>
          <Typography.Text type="secondary">上党区应急管理局</Typography.Text>
        </Flex>
        {children}
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
        本平台仅供授权人员使用，所有操作均记录审计日志
      </Typography.Text>
    </Flex>
  );
}
