import { HAZARD_SOURCE_LABELS } from '@zhiben/contracts';
import { Card, Descriptions, Drawer, Flex, Grid, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { PhotoGallery } from '../self-inspection/PhotoThumbs';
import { HazardLevelTag, HazardStatusTag } from './hazardLabels';
import { useHazard } from './hazards.api';

/** 隐患详情: description, photos, the standard item it breaches (in the version the finding used) and its inspection. */
export function HazardDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  const query = useHazard(id);
  const hazard = query.data;
  return (
    <Drawer open={!!id} onClose={onClose} size={screens.md ? 640 : '100%'} title="隐患详情" destroyOnHidden data-testid="hazard-drawer">
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !hazard ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap>
            <HazardLevelTag level={hazard.level} />
            <HazardStatusTag status={hazard.status} />
          </Flex>
          <Typography.Paragraph style={{ fontSize: 15, margin: 0, lineHeight: 1.8 }} data-testid="hazard-drawer-description">
            {hazard.description}
          </Typography.Paragraph>
          <Descriptions
            column={1}
            bordered
            size="small"
            styles={{ label: { width: 100 } }}
            items={[
              { key: 'enterprise', label: '企业', children: hazard.enterpriseName },
              { key: 'region', label: '所属乡镇', children: hazard.regionName },
              { key: 'source', label: '来源', children: HAZARD_SOURCE_LABELS[hazard.source] },
              { key: 'foundAt', label: '发现时间', children: formatDateTime(hazard.foundAt) },
              { key: 'location', label: '部位/区域', children: hazard.location ?? '—' },
            ]}
          />
          <Card size="small" title={`现场照片（${hazard.photos.length}）`}>
            {hazard.photos.length === 0 ? (
              <Typography.Text type="secondary">未上传照片</Typography.Text>
            ) : (
              <PhotoGallery hashes={hazard.photos} size={96} testIdPrefix="hazard-drawer-photo" />
            )}
          </Card>
          {hazard.standardItem && (
            <Card
              size="small"
              title={
                <span data-testid="hazard-drawer-standard-ref">
                  判定依据：{hazard.standardItem.articleLabel}
                  {hazard.standardItem.itemLabel}（第 {hazard.standardItem.version} 版）
                </span>
              }
            >
              <Typography.Paragraph style={{ margin: 0 }}>{hazard.standardItem.text}</Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                《工贸企业重大事故隐患判定标准》第 {hazard.standardItem.version} 版原文
              </Typography.Text>
            </Card>
          )}
          {hazard.inspectionId && (
            <Link to={`/self-inspection/${hazard.inspectionId}`} data-testid="hazard-drawer-inspection">
              查看来源检查记录 →
            </Link>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
