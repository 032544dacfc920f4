import type { HazardEventDto } from '@zhiben/contracts';
import { Card, Flex, Skeleton, Typography } from 'antd';
import { formatDateTime } from '../../lib/time';
import { PhotoGallery } from '../self-inspection/PhotoThumbs';
import { HAZARD_EVENT_LABELS } from './hazardLabels';
import { useHazardTimeline } from './hazards.api';

/** The latest timeline entry of an action (e.g. the rectification the acceptor is about to judge). */
export function latestOf(items: readonly HazardEventDto[] | undefined, action: string): HazardEventDto | undefined {
  return items?.filter((e) => e.action === action).at(-1);
}

/** Who did it, when, the note and the photos of the latest `action` on the hazard; nothing when there is none. */
export function LatestEvidence({ hazardId, action, compact }: { hazardId: string; action: string; compact?: boolean }) {
  const timeline = useHazardTimeline(hazardId);
  if (timeline.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  const event = latestOf(timeline.data?.items, action);
  if (!event) return compact ? null : <Typography.Text type="secondary">无记录</Typography.Text>;
  const body = (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {event.actorName ?? '—'} · {formatDateTime(event.at)}
      </Typography.Text>
      {event.note && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{event.note}</Typography.Paragraph>}
      <PhotoGallery hashes={event.photos} size={compact ? 64 : 88} testIdPrefix={`hazard-latest-${action}-photo`} />
    </Flex>
  );
  if (!compact) return <div data-testid={`hazard-latest-${action}`}>{body}</div>;
  return (
    <Card
      size="small"
      title={`${HAZARD_EVENT_LABELS[action] ?? action}的内容`}
      style={{ marginBottom: 16, background: '#fafafa' }}
      data-testid={`hazard-latest-${action}`}
    >
      {body}
    </Card>
  );
}
