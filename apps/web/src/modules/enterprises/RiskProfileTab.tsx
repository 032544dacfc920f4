import type { EnterpriseDto, RiskTagDto } from '@zhiben/contracts';
import { Alert, Card, Col, Empty, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { DUST_BAND_COLORS, DUST_BAND_LABELS, DUST_TARGET_SOURCE, DUST_TARGET_TEXT, dustBandOf } from './enterpriseLabels';
import { TAG_COLORS } from './RiskTagList';
import type { TagCatalog } from './riskTagCatalog';

/** What the roll-out targets mean for this enterprise (the targets name 木粉尘 enterprises). */
function dustTargetNote(e: EnterpriseDto): string {
  const wood = e.riskTags.includes('dust_wood');
  if (wood && e.dustWorkers >= 30) return '木粉尘、涉粉作业 30 人以上：属于 2024 年底前应接入安全风险监测预警系统的企业。';
  if (wood && e.dustWorkers >= 10) return '木粉尘、涉粉作业 10 人以上：属于 2025 年底前应接入安全风险监测预警系统的企业。';
  return '不在上述限期接入范围内，鼓励有条件的涉粉作业企业应接尽接。';
}

function TagCards({ tags, codes, catalog }: { tags: readonly RiskTagDto[]; codes: Set<string>; catalog: TagCatalog }) {
  return (
    <Row gutter={[12, 12]}>
      {tags.map((tag) => {
        const children = (catalog.childrenOf.get(tag.code) ?? []).filter((c) => codes.has(c.code));
        return (
          <Col key={tag.code} xs={24} md={12} xl={8}>
            <Card size="small" style={{ height: '100%' }} data-testid={`risk-profile-tag-${tag.code}`}>
              <Flex gap={6} wrap align="center" style={{ marginBottom: 6 }}>
                <Tag color={TAG_COLORS[tag.category]} style={{ marginInlineEnd: 0 }}>
                  {tag.name}
                </Tag>
                {children.map((c) => (
                  <Tag key={c.code} style={{ marginInlineEnd: 0 }}>
                    {c.name}
                  </Tag>
                ))}
              </Flex>
              <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 4, expandable: true }}>
                {children[0]?.description ?? tag.description ?? '—'}
              </Typography.Paragraph>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

/** 风险画像: risk and process tags with what they mean, and the dust-worker band for 粉尘涉爆 enterprises. */
export function RiskProfileTab({
  enterprise: e,
  catalog,
  canEdit,
  canBrowseList,
}: {
  enterprise: EnterpriseDto;
  catalog: TagCatalog;
  canEdit: boolean;
  /** Bureau and township users may open the list of enterprises in the same band. */
  canBrowseList: boolean;
}) {
  const codes = new Set(e.riskTags);
  const risk = catalog.roots.risk.filter((t) => codes.has(t.code));
  const process = catalog.roots.process.filter((t) => codes.has(t.code));
  const dust = codes.has('dust_explosion');
  const band = dustBandOf(e.dustWorkers);

  return (
    <Flex vertical gap={20} data-testid="enterprise-risk-profile">
      {dust && (
        <Card size="small" title="粉尘涉爆" data-testid="risk-profile-dust">
          <Row gutter={[24, 12]} align="middle">
            <Col xs={12} md={6}>
              <Statistic title="涉粉作业人数" value={e.dustWorkers} suffix="人" />
            </Col>
            <Col xs={12} md={6}>
              <Typography.Text type="secondary">人数分档</Typography.Text>
              <div style={{ marginTop: 6 }}>
                <Tag color={DUST_BAND_COLORS[band]} style={{ fontSize: 14, padding: '2px 10px' }} data-testid="risk-profile-band">
                  {DUST_BAND_LABELS[band]}
                </Tag>
              </div>
              {canBrowseList && (
                <Link to={`/enterprises?tag=dust_explosion&dustBand=${band}`} style={{ fontSize: 12 }}>
                  查看同档企业
                </Link>
              )}
            </Col>
            <Col xs={24} md={12}>
              <Alert
                type={band === 'under10' ? 'info' : 'warning'}
                showIcon
                title={dustTargetNote(e)}
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    依据：{DUST_TARGET_SOURCE}：“{DUST_TARGET_TEXT}”
                  </Typography.Text>
                }
              />
            </Col>
          </Row>
        </Card>
      )}
      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          风险标签
        </Typography.Title>
        {risk.length ? (
          <TagCards tags={risk} codes={codes} catalog={catalog} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={canEdit ? '未标注风险标签，点击「编辑」补充' : '未标注风险标签'} />
        )}
      </div>
      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          工艺标签
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal', marginInlineStart: 8 }}>
            用于判定适用的重大事故隐患检查条款
          </Typography.Text>
        </Typography.Title>
        {process.length ? (
          <TagCards tags={process} codes={codes} catalog={catalog} />
        ) : (
          <Typography.Text type="secondary">未标注工艺标签</Typography.Text>
        )}
      </div>
    </Flex>
  );
}
