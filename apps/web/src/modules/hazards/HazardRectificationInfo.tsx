import { type HazardDto, MAJOR_PLAN_LABELS, type MajorPlan } from '@zhiben/contracts';
import { Card, Descriptions, Empty, Flex, Grid, Tag, Typography } from 'antd';
import { formatDate, formatDateTime } from '../../lib/time';
import { formatYuan } from './hazardFormat';
import { OverdueTag } from './hazardLabels';
import { LatestEvidence } from './LatestEvidence';
import { deadlineWithLeft } from './nextStep';

const text = (value: string | null) =>
  value ? <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span> : <Typography.Text type="secondary">—</Typography.Text>;

/**
 * 整改信息: the 五落实, for a major hazard the six-part plan and the 停产 flag, 挂牌督办 and publication, then the
 * latest rectification submitted and the acceptance.
 */
export function HazardRectificationInfo({ hazard }: { hazard: HazardDto }) {
  const phone = Grid.useBreakpoint().sm === false;
  const major = hazard.level === 'major';
  const labelWidth = { label: { width: phone ? 96 : 120 } };

  if (!hazard.judgedAt && hazard.status === 'pending_judgement') {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          major ? '尚未判定。区应急管理局判定时下达五落实和治理方案。' : '尚未判定。判定时落实责任人、措施、资金、时限和预案（五落实）。'
        }
        data-testid="hazard-rectification-empty"
      />
    );
  }
  if (hazard.dismissed) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="经核实不构成隐患，无需整改（理由见处理记录）" />;
  }

  return (
    <Flex vertical gap={16} data-testid="hazard-rectification">
      <Descriptions
        title="五落实"
        column={1}
        bordered
        size="small"
        styles={labelWidth}
        items={[
          {
            key: 'responsible',
            label: '整改责任人',
            children: <span data-testid="hazard-responsible">{hazard.responsibleName ?? '—'}</span>,
          },
          { key: 'measures', label: '整改措施', children: text(hazard.measures) },
          { key: 'funds', label: '整改资金', children: formatYuan(hazard.fundsFen) },
          {
            key: 'deadline',
            label: '整改期限',
            children: (
              <Flex gap={8} align="center" wrap>
                <span>{hazard.status === 'closed' ? formatDate(hazard.deadline) : (deadlineWithLeft(hazard) ?? '—')}</span>
                {hazard.overdue && <OverdueTag />}
              </Flex>
            ),
          },
          { key: 'contingency', label: major ? '应急预案' : '应急措施', children: text(hazard.contingencyPlan) },
          ...(major
            ? [
                {
                  key: 'stopped',
                  label: '停产停业',
                  children: hazard.productionStopped ? <Tag color="red">已停产停业/停止使用</Tag> : <Tag>未停产</Tag>,
                },
              ]
            : []),
        ]}
      />
      {major && (
        <Descriptions
          title="重大事故隐患治理方案"
          column={1}
          bordered
          size="small"
          styles={labelWidth}
          data-testid="hazard-major-plan"
          items={(Object.keys(MAJOR_PLAN_LABELS) as (keyof MajorPlan)[]).map((key) => ({
            key,
            label: MAJOR_PLAN_LABELS[key],
            children: text(hazard.majorPlan?.[key] ?? null),
          }))}
        />
      )}
      {(hazard.supervised || hazard.publishedAt) && (
        <Descriptions
          title="督办与公布"
          column={phone ? 1 : 2}
          bordered
          size="small"
          styles={labelWidth}
          items={[
            ...(hazard.supervised
              ? [
                  { key: 'unit', label: '督办单位', children: hazard.supervisingUnit ?? '—' },
                  { key: 'sdeadline', label: '督办期限', children: formatDate(hazard.supervisionDeadline) },
                ]
              : []),
            ...(hazard.publishedAt
              ? [
                  { key: 'published', label: '挂牌公布', children: formatDateTime(hazard.publishedAt) },
                  { key: 'delisted', label: '摘牌', children: hazard.delistedAt ? formatDateTime(hazard.delistedAt) : '未摘牌' },
                ]
              : []),
          ]}
        />
      )}
      {(hazard.status === 'pending_acceptance' || hazard.status === 'closed') && (
        <Card size="small" title="整改结果（最近一次提交）">
          <LatestEvidence hazardId={hazard.id} action="submit" />
        </Card>
      )}
      {hazard.status === 'closed' && (
        <Card size="small" title={`验收销号（${formatDateTime(hazard.closedAt)}）`}>
          <LatestEvidence hazardId={hazard.id} action="accept" />
        </Card>
      )}
    </Flex>
  );
}
