import { SafetyCertificateFilled } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { usePageTitle } from '../lib/usePageTitle';

/**
 * The frame of the phone pages reached without login (QR report, receipt): no menu, no account, one column at
 * phone width (UI.md "Mobile pages"); on a desktop the column stays phone-wide in the middle.
 */
export function MobileShell({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <Flex vertical style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <header style={{ background: 'linear-gradient(135deg, #0b3a7e 0%, #1554ad 100%)', color: '#fff' }}>
        <Flex align="center" gap={12} style={{ maxWidth: 560, margin: '0 auto', padding: '18px 16px 20px' }}>
          <SafetyCertificateFilled style={{ fontSize: 32, color: '#fff' }} />
          <Flex vertical style={{ lineHeight: 1.35 }}>
            <span style={{ fontSize: 20, fontWeight: 600, letterSpacing: 1 }}>{title}</span>
            <span style={{ fontSize: 13, color: 'rgba(255,255,255,0.8)' }}>{subtitle ?? '上党区应急管理局 · 治本安全生产监管平台'}</span>
          </Flex>
        </Flex>
      </header>
      <main style={{ width: '100%', maxWidth: 560, margin: '0 auto', padding: '16px 12px 32px', boxSizing: 'border-box', flex: 1 }}>
        {children}
      </main>
      <Typography.Text type="secondary" style={{ textAlign: 'center', fontSize: 12, padding: '0 16px 24px' }}>
        上党区应急管理局 · 员工报告隐患奖励制度
      </Typography.Text>
    </Flex>
  );
}
