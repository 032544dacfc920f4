import { HAZARD_SOURCE_LABELS, type HazardDto } from '@zhiben/contracts';
import { Card, Descriptions, Flex, Grid, Typography } from 'antd';
import { Link } from 'react-router';
import { canAccess } from '../../app/access';
import { PAGE_ACCESS } from '../../app/pageAccess';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../lib/time';
import { PhotoGallery } from '../self-inspection/PhotoThumbs';

// The `hazard-drawer-*` test ids date from the former detail drawer; e2e/self-inspection.e2e.ts relies on them.

/** 基本信息: what was found, where, by which route, with the photos and the standard item it breaches. */
export function HazardBasicInfo({ hazard }: { hazard: HazardDto }) {
  const me = useSession();
  const phone = Grid.useBreakpoint().sm === false;
  const enterpriseLink =
    me.scope.kind === 'enterprise' ? null : canAccess(me, PAGE_ACCESS.enterprises) ? `/enterprises/${hazard.enterpriseId}` : null;
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ fontSize: 15, margin: 0, lineHeight: 1.8 }} data-testid="hazard-drawer-description">
        {hazard.description}
      </Typography.Paragraph>
      <Descriptions
        column={phone ? 1 : 2}
        bordered
        size="small"
        styles={{ label: { width: 100 } }}
        items={[
          {
            key: 'enterprise',
            label: '企业',
            children: enterpriseLink ? <Link to={enterpriseLink}>{hazard.enterpriseName}</Link> : hazard.enterpriseName,
          },
          { key: 'region', label: '所属乡镇', children: hazard.regionName },
          { key: 'source', label: '来源', children: HAZARD_SOURCE_LABELS[hazard.source] },
          { key: 'foundAt', label: '发现时间', children: formatDateTime(hazard.foundAt) },
          { key: 'location', label: '部位/区域', children: hazard.location ?? '—' },
          { key: 'judgedAt', label: '判定时间', children: formatDateTime(hazard.judgedAt) },
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
  );
}
