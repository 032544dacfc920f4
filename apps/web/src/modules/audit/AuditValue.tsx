import { Typography } from 'antd';
import { formatDateTimeSeconds } from '../../lib/time';
import { enumLabel } from './auditLabels';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** One value of a before/after snapshot, readable: labels for enums, local times, 是/否, JSON for the rest. */
export function AuditValue({ entityType, field, value }: { entityType: string; field: string; value: unknown }) {
  if (value === undefined) return <Typography.Text type="secondary">（无）</Typography.Text>;
  if (value === null || value === '') return <Typography.Text type="secondary">空</Typography.Text>;
  if (typeof value === 'boolean') return <>{value ? '是' : '否'}</>;
  if (typeof value === 'number') return <>{value.toLocaleString('zh-CN')}</>;
  if (typeof value === 'string') {
    const label = enumLabel(entityType, field, value);
    if (label) return <span title={value}>{label}</span>;
    if (ISO_INSTANT.test(value)) return <span title={value}>{formatDateTimeSeconds(value)}</span>;
    return <span style={{ wordBreak: 'break-all' }}>{value}</span>;
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return <>{value.length ? value.join('、') : '（空列表）'}</>;
  return <pre className="zb-json">{JSON.stringify(value, null, 2)}</pre>;
}
