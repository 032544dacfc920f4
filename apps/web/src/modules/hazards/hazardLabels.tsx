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

/** 逾期: the deadline has passed and the hazard is not closed (UI.md: 逾期 red). */
export function OverdueTag() {
  return (
    <Tag color="red" data-testid="hazard-tag-overdue">
      逾期
    </Tag>
  );
}

/** 挂牌督办: the bureau's supervision overlay on a major hazard. */
export function SupervisedTag() {
  return (
    <Tag color="volcano" variant="solid" data-testid="hazard-tag-supervised">
      挂牌督办
    </Tag>
  );
}

/** The words the 处理记录 timeline uses for each event (HazardAction, 'reported', or another module's action). */
export const HAZARD_EVENT_LABELS: Record<string, string> = {
  reported: '上报隐患',
  judge: '判定并下达整改',
  dismiss: '判定不构成隐患',
  assign: '调整五落实',
  submit: '提交整改',
  accept: '验收通过（销号）',
  reject: '验收退回',
  supervise: '挂牌督办',
  publish: '向社会公布（挂牌）',
  unpublish: '公布销号（摘牌）',
};

/** Timeline dot colours: closing green, sending back red, overlays orange, the rest blue. */
export const HAZARD_EVENT_COLORS: Record<string, string> = {
  accept: 'green',
  dismiss: 'gray',
  reject: 'red',
  supervise: 'orange',
  publish: 'orange',
  unpublish: 'green',
};
