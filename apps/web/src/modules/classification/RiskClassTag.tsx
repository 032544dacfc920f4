import { RISK_CLASS_COLORS, RISK_CLASS_LABELS, type RiskClass } from '@zhiben/contracts';
import { Tag } from 'antd';

const ANTD_COLORS = { red: 'red', orange: 'orange', yellow: 'gold', blue: 'blue' } as const;

/** 风险等级 A–D in 红/橙/黄/蓝. */
export function RiskClassTag({ riskClass, testId }: { riskClass: RiskClass | null | undefined; testId?: string }) {
  if (!riskClass) return <span>—</span>;
  return (
    <Tag color={ANTD_COLORS[RISK_CLASS_COLORS[riskClass]]} data-testid={testId} data-class={riskClass}>
      {riskClass} 类 · {RISK_CLASS_LABELS[riskClass]}
    </Tag>
  );
}
