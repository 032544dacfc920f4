import type { TodoKind } from '@zhiben/contracts';

/** UI.md status colours: 待处理 orange, 进行中 blue, 逾期 red. */
export const TODO_KIND_COLORS: Record<TodoKind, string> = {
  hazard_judge: 'orange',
  hazard_rectify: 'blue',
  hazard_accept: 'orange',
  hazard_overdue: 'red',
  inspection_open: 'blue',
  quarter_round: 'orange',
  enforcement_task: 'blue',
  enforcement_reinspect: 'orange',
  enforcement_order: 'orange',
  alarm_pending: 'red',
  alarm_dispose: 'orange',
  alarm_escalated: 'red',
};
