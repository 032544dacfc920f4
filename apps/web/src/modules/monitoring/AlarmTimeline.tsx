import { ALARM_EVENT_ACTION_LABELS, ALARM_LEVEL_LABELS, type AlarmDetailDto, type AlarmEventDto } from '@zhiben/contracts';
import { Empty, Flex, Timeline, Typography } from 'antd';
import { formatDateTimeSeconds } from '../../lib/time';
import { PhotoGallery } from '../self-inspection/PhotoThumbs';
import { ALARM_LEVEL_HEX, describePeak } from './monitoringLabels';

const ACTION_COLORS: Partial<Record<AlarmEventDto['action'], string>> = {
  acknowledged: 'blue',
  disposed: 'blue',
  cleared: 'green',
  closed: 'green',
  escalated: 'red',
  reminded: 'orange',
  hazard_created: 'red',
  rule_retired: 'gray',
};

/** Data fields the server may attach to an event, shown when present. */
function facts(event: AlarmEventDto, alarm: AlarmDetailDto): string[] {
  const data = (event.data && typeof event.data === 'object' ? event.data : {}) as Record<string, unknown>;
  const out: string[] = [];
  if (event.level && ['raised', 'level_changed', 'reraised'].includes(event.action)) out.push(`级别：${ALARM_LEVEL_LABELS[event.level]}`);
  if (event.value !== null) {
    // A reading for measured rules; a jump, a silence or a stuck time for the others.
    const p = describePeak(alarm, event.value);
    if (p) out.push(`${p.label === '峰值' ? '读数' : p.label}：${p.text}`);
  }
  const to = typeof data.to === 'string' ? data.to : typeof data.stage === 'string' ? data.stage : null;
  if (event.action === 'escalated' && to) out.push(to === 'bureau' ? '升级至区应急管理局' : to === 'township' ? '升级至乡镇（街道）' : to);
  if (typeof data.cause === 'string') out.push(`原因：${data.cause}`);
  if (typeof data.action === 'string') out.push(`措施：${data.action}`);
  return out;
}

function photosOf(event: AlarmEventDto): string[] {
  const data = (event.data && typeof event.data === 'object' ? event.data : {}) as { photos?: unknown };
  return Array.isArray(data.photos) ? data.photos.filter((p): p is string => typeof p === 'string') : [];
}

/** 处理记录 of an alarm: raise, level changes, escalations, response, 处置报告, recovery, closing — oldest first. */
export function AlarmTimeline({ alarm }: { alarm: AlarmDetailDto }) {
  if (alarm.timeline.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无处理记录" />;
  return (
    <div data-testid="alarm-timeline">
      <Timeline
        items={alarm.timeline.map((event) => {
          const lines = facts(event, alarm);
          const photos = photosOf(event);
          const levelColor =
            event.level && ['raised', 'level_changed', 'reraised'].includes(event.action) ? ALARM_LEVEL_HEX[event.level] : null;
          return {
            key: event.id,
            color: levelColor ?? ACTION_COLORS[event.action] ?? 'blue',
            content: (
              <Flex vertical gap={2} data-testid={`alarm-timeline-item-${event.action}`}>
                <Typography.Text strong>{ALARM_EVENT_ACTION_LABELS[event.action] ?? event.action}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {event.actorName ?? '系统'} · {formatDateTimeSeconds(event.at)}
                </Typography.Text>
                {lines.length > 0 && <Typography.Text style={{ fontSize: 13 }}>{lines.join('；')}</Typography.Text>}
                {event.note && !lines.some((l) => l.endsWith(event.note ?? '')) && (
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{event.note}</Typography.Paragraph>
                )}
                {photos.length > 0 && <PhotoGallery hashes={photos} size={56} testIdPrefix={`alarm-timeline-photo-${event.id}`} />}
              </Flex>
            ),
          };
        })}
      />
    </div>
  );
}
