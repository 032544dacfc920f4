import { HAZARD_LEVEL_LABELS, HAZARD_SOURCE_LABELS, HAZARD_STATUS_LABELS, type HazardDto, type HazardEventDto } from '@zhiben/contracts';
import { Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { QueryError } from '../../components/QueryError';
import { formatDate, formatDateTime } from '../../lib/time';
import { PhotoGallery } from '../self-inspection/PhotoThumbs';
import { formatYuan } from './hazardFormat';
import { HAZARD_EVENT_COLORS, HAZARD_EVENT_LABELS } from './hazardLabels';
import { useHazardTimeline } from './hazards.api';
import { nextStepOf } from './nextStep';

const FIELD_NAMES: Record<string, string> = {
  responsibleUserId: '责任人',
  responsibleName: '责任人',
  measures: '整改措施',
  fundsFen: '整改资金',
  deadline: '整改期限',
  contingencyPlan: '应急预案',
  majorPlan: '治理方案',
  productionStopped: '停产情况',
};

/** The facts worth a line in the timeline, from the event's `data` (what the step changed or recorded). */
export function eventFacts(event: HazardEventDto): string[] {
  const data = (event.data && typeof event.data === 'object' ? event.data : {}) as Record<string, unknown>;
  const facts: string[] = [];
  const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : null);
  const source = str('source');
  if (event.action === 'reported' && source && source in HAZARD_SOURCE_LABELS) {
    facts.push(`来源：${HAZARD_SOURCE_LABELS[source as keyof typeof HAZARD_SOURCE_LABELS]}`);
  }
  const level = str('level');
  if (level === 'general' || level === 'major')
    facts.push(`${event.action === 'reported' ? '上报等级' : '等级'}：${HAZARD_LEVEL_LABELS[level]}`);
  if (event.action === 'assign') {
    const changed = [...new Set(Object.keys(data).flatMap((k) => (FIELD_NAMES[k] ? [FIELD_NAMES[k]] : [])))];
    if (changed.length) facts.push(`调整：${changed.join('、')}`);
  }
  const deadline = str('deadline');
  if (deadline) facts.push(`整改期限：${formatDate(deadline)}`);
  if (typeof data.fundsFen === 'number') facts.push(`整改资金：${formatYuan(data.fundsFen)}`);
  if (event.action === 'judge' && typeof data.productionStopped === 'boolean' && level === 'major') {
    facts.push(data.productionStopped ? '已停产停业' : '未停产');
  }
  const unit = str('supervisingUnit');
  if (unit) facts.push(`督办单位：${unit}`);
  const supervisionDeadline = str('supervisionDeadline');
  if (supervisionDeadline) facts.push(`督办期限：${formatDate(supervisionDeadline)}`);
  return facts;
}

function EventContent({ event }: { event: HazardEventDto }) {
  const facts = eventFacts(event);
  return (
    <Flex vertical gap={4} style={{ paddingBottom: 4 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {event.actorName ?? '系统'} · {formatDateTime(event.at)}
      </Typography.Text>
      {facts.length > 0 && (
        <Typography.Text style={{ fontSize: 13 }} data-testid="hazard-timeline-facts">
          {facts.join('；')}
        </Typography.Text>
      )}
      {event.note && (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="hazard-timeline-note">
          {event.note}
        </Typography.Paragraph>
      )}
      <PhotoGallery hashes={event.photos} size={64} testIdPrefix={`hazard-timeline-photo-${event.id}`} />
    </Flex>
  );
}

function EventTitle({ event }: { event: HazardEventDto }) {
  const moved = event.fromStatus !== event.toStatus && event.toStatus;
  return (
    <Flex gap={6} wrap align="center">
      <Typography.Text strong>{HAZARD_EVENT_LABELS[event.action] ?? event.action}</Typography.Text>
      {moved && (
        <Tag style={{ marginInlineEnd: 0 }}>
          {event.fromStatus ? `${HAZARD_STATUS_LABELS[event.fromStatus]} → ` : ''}
          {HAZARD_STATUS_LABELS[event.toStatus as HazardDto['status']]}
        </Tag>
      )}
    </Flex>
  );
}

/** 处理记录: every step of the hazard in time order (who, when, what, note, evidence photos), then what it waits for. */
export function HazardTimeline({ hazard }: { hazard: HazardDto }) {
  const query = useHazardTimeline(hazard.id);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  const items = query.data.items;
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无处理记录" />;
  const next = nextStepOf(hazard);
  return (
    <div data-testid="hazard-timeline">
      <Timeline
        items={[
          ...items.map((event) => ({
            key: event.id,
            color: HAZARD_EVENT_COLORS[event.action] ?? 'blue',
            // Title and details in one column: the timeline often sits in a narrow side card.
            content: (
              <div data-testid={`hazard-timeline-item-${event.action}`}>
                <EventTitle event={event} />
                <EventContent event={event} />
              </div>
            ),
          })),
          ...(hazard.status === 'closed'
            ? []
            : [
                {
                  key: 'next',
                  color: 'gray',
                  loading: true,
                  content: (
                    <Flex vertical data-testid="hazard-timeline-next">
                      <Typography.Text type="secondary">{next.title}</Typography.Text>
                      {next.detail && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {next.detail}
                        </Typography.Text>
                      )}
                    </Flex>
                  ),
                },
              ]),
        ]}
      />
    </div>
  );
}
