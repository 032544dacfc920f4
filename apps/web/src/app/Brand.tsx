import { SafetyCertificateFilled } from '@ant-design/icons';
import { Flex } from 'antd';

/** The platform name at the top of the menu. */
export function Brand({ compact = false }: { compact?: boolean }) {
  return (
    <Flex align="center" justify={compact ? 'center' : 'flex-start'} gap={10} style={{ height: 56, padding: compact ? 0 : '0 20px' }}>
      <SafetyCertificateFilled style={{ fontSize: 24, color: '#4096ff' }} />
      {!compact && (
        <Flex vertical style={{ lineHeight: 1.25 }}>
          <span style={{ color: '#fff', fontSize: 18, fontWeight: 600, letterSpacing: 2 }}>治本</span>
          <span style={{ color: 'rgba(255,255,255,0.65)', fontSize: 12 }}>安全生产监管平台</span>
        </Flex>
      )}
    </Flex>
  );
}
