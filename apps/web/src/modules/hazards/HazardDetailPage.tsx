import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Grid, Row, Tabs, Tag, Typography } from 'antd';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { detailQueryState } from '../../components/DetailQueryState';
import { formatDate } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { HazardActions } from './actions/HazardActions';
import { HazardBasicInfo } from './HazardBasicInfo';
import { HazardRectificationInfo } from './HazardRectificationInfo';
import { HazardTimeline } from './HazardTimeline';
import { HazardLevelTag, HazardStatusTag, OverdueTag, SupervisedTag } from './hazardLabels';
import { useHazard } from './hazards.api';
import { nextStepOf } from './nextStep';

const TABS = ['basic', 'rectification', 'timeline'] as const;
type TabKey = (typeof TABS)[number];

/**
 * /hazards/:id — one hazard through its closed loop: header with level, status, 逾期 and 挂牌督办 and only the
 * actions `abilities` allow; 基本信息 and 整改信息 as tabs; the 处理记录 timeline beside them on wide screens, as a
 * third tab on narrow ones. The tab is kept in the URL (`?tab=`).
 */
export function HazardDetailPage() {
  const { id = '' } = useParams();
  const me = useSession();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const wide = screens.xl === true;
  const phone = screens.sm === false;
  const query = useHazard(id);
  usePageTitle('隐患详情');

  const listSearch = (location.state as { listSearch?: unknown } | null)?.listSearch;
  const backTo = `/hazards${typeof listSearch === 'string' ? listSearch : ''}`;
  const backLink = (
    <Link to={backTo} data-testid="hazard-back">
      <ArrowLeftOutlined /> {me.scope.kind === 'enterprise' ? '隐患整改' : '隐患台账'}
    </Link>
  );

  const requested = params.get('tab') as TabKey | null;
  const tab: TabKey = requested && TABS.includes(requested) && (requested !== 'timeline' || !wide) ? requested : 'basic';
  const setTab = (key: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (key === 'basic') next.delete('tab');
        else next.set('tab', key);
        return next;
      },
      { replace: true, state: location.state },
    );

  const pending = detailQueryState({ query, noun: '隐患', backLink, testId: 'hazard' });
  if (pending || !query.data) return pending;

  const h = query.data;
  const next = nextStepOf(h);
  const tabItems = [
    { key: 'basic', label: <span data-testid="hazard-tab-basic">基本信息</span> },
    { key: 'rectification', label: <span data-testid="hazard-tab-rectification">整改信息</span> },
    ...(wide ? [] : [{ key: 'timeline', label: <span data-testid="hazard-tab-timeline">处理记录</span> }]),
  ];
  const content = (
    <Card>
      {tab === 'basic' && <HazardBasicInfo hazard={h} />}
      {tab === 'rectification' && <HazardRectificationInfo hazard={h} />}
      {tab === 'timeline' && <HazardTimeline hazard={h} />}
    </Card>
  );

  return (
    <Flex vertical gap={phone ? 12 : 16} data-testid="hazard-detail" data-status={h.status} data-level={h.level}>
      <Card styles={{ body: { paddingBottom: 0 } }}>
        <div style={{ marginBottom: 8 }}>{backLink}</div>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div style={{ minWidth: 0, flex: '1 1 360px' }}>
            <Flex align="center" wrap gap={6}>
              <HazardLevelTag level={h.level} />
              <span data-testid="hazard-status">
                <HazardStatusTag status={h.status} />
              </span>
              {h.overdue && <OverdueTag />}
              {h.supervised && <SupervisedTag />}
              {h.publishedAt && !h.delistedAt && <Tag color="purple">已公布</Tag>}
              {h.delistedAt && <Tag>已摘牌</Tag>}
              {h.dismissed && <Tag>不构成隐患</Tag>}
            </Flex>
            <Typography.Title level={phone ? 5 : 4} style={{ margin: '8px 0 4px' }} ellipsis={{ rows: 2 }} data-testid="hazard-title">
              {h.description}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {h.enterpriseName} · {h.regionName} · 发现于 {formatDate(h.foundAt)}
            </Typography.Text>
            <Typography.Text
              style={{ display: 'block', marginTop: 4, color: h.overdue ? '#cf1322' : undefined }}
              data-testid="hazard-next-step"
            >
              {next.title}
              {next.detail ? ` · ${next.detail}` : ''}
            </Typography.Text>
          </div>
          <div style={phone ? { width: '100%' } : { maxWidth: 520 }}>
            <HazardActions hazard={h} />
          </div>
        </Flex>
        <Tabs activeKey={tab} onChange={setTab} style={{ marginTop: 8 }} tabBarStyle={{ marginBottom: 0 }} items={tabItems} />
      </Card>
      {wide ? (
        <Row gutter={16} align="top">
          <Col span={15}>{content}</Col>
          <Col span={9}>
            <Card title="处理记录" size="small">
              <HazardTimeline hazard={h} />
            </Card>
          </Col>
        </Row>
      ) : (
        content
      )}
    </Flex>
  );
}
