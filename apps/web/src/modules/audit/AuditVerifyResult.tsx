import { Alert } from 'antd';
import { errorMessage } from '../../api/errors';
import type { AuditVerifyResult as Result } from './audit.api';

const REASONS: Record<NonNullable<Result['brokenAt']>['reason'], string> = {
  hash_mismatch: '记录内容与哈希值不符（记录可能被篡改）',
  chain_broken: '与前一条记录的链接断开（记录可能被删除或插入）',
};

/** The outcome of 校验审计链. */
export function AuditVerifyResult({ result, error, onClose }: { result?: Result | undefined; error?: unknown; onClose: () => void }) {
  if (error) {
    return <Alert type="error" showIcon title="审计链校验失败" description={errorMessage(error)} closable={{ onClose }} />;
  }
  if (!result) return null;
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        title={`审计链完整：已校验 ${result.checked.toLocaleString('zh-CN')} 条记录，未发现篡改`}
        closable={{ onClose }}
        data-testid="audit-verify-result"
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={`审计链异常：第 ${result.brokenAt?.seq ?? '?'} 号记录校验不通过`}
      description={`${result.brokenAt ? REASONS[result.brokenAt.reason] : ''}。此前 ${result.checked.toLocaleString('zh-CN')} 条记录校验通过。请立即报告系统管理员并保全数据库。`}
      closable={{ onClose }}
      data-testid="audit-verify-result"
    />
  );
}
