import { HAZARD_LEVEL_LABELS, HAZARD_STATUS_LABELS, type HazardDto } from '@zhiben/contracts';
import { Tag } from 'antd';

/** National convention: 重大 red, 一般 yellow (antd `gold`); solid, so that levels never look like the light status tags. */
export const HAZARD_LEVEL_COLORS: Record<HazardDto['level'], string> = { major: 'red', general: 'gold' };

/** UI.md status colours: 待处理 orange, 进行中 blue, 已完成 green. */
export const HAZARD_STATUS_COLORS: Record<HazardDto['status'], string> = {
  pending_judgement: 'orange',
  rectifying: 'blue',
  pending_acceptance: 'orange',
  closed: 'green',
};

export function HazardLevelTag({ level }: { level: HazardDto['level'] }) {
  return (
    <Tag color={HAZARD_LEVEL_COLORS[level]} variant="solid">
      {HAZARD_LEVEL_LABELS[level]}
    </Tag>
  );
}

export function HazardStatusTag({ status }: { status: HazardDto['status'] }) {
  return <Tag color={HAZARD_STATUS_COLORS[status]}>{HAZARD_STATUS_LABELS[status]}</Tag>;
}
