import { RightOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { createElement } from 'react';
import { Link } from 'react-router';
import { can, roleLabelOf, scopeLabelOf, sideOf } from '../../app/access';
import { visibleLeaves } from '../../app/menu';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../lib/usePageTitle';
import { TodoCard } from '../notifications/TodoCard';
import { ZeroingSummaryCard } from '../zeroing/ZeroingSummaryCard';
import { RegistryDashboard } from './RegistryDashboard';

/**
 * 首页: the registry dashboard (驾驶舱) for bureau and township users; 工作台 (enterprise) and sides without
 * dashboard access: the welcome card. Both show 我的待办 and the 动态清零 glance.
 */
export function HomePage() {
  const me = useSession();
  if (sideOf(me) !== 'enterprise' && can(me, 'dashboard.read')) {
    return (
      <Flex vertical gap={16}>
        <RegistryDashboard />
        <WorkCards />
      </Flex>
    );
  }
  return <WelcomeHome />;
}

/** 我的待办 and the 动态清零 glance (modules/notifications, modules/zeroing). */
function WorkCards() {
  const me = useSession();
  const zeroing = can(me, 'hazards.read');
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={zeroing ? 14 : 24}>
        <TodoCard />
      </Col>
      {zeroing && (
        <Col xs={24} xl={10}>
          <ZeroingSummaryCard />
        </Col>
      )}
    </Row>
  );
}

function WelcomeHome() {
  const me = useSession();
  const enterpriseSide = sideOf(me) === 'enterprise';
  usePageTitle(enterpriseSide ? '工作台' : '首页');
  const shortcuts = visibleLeaves(me).filter((leaf) => leaf.path !== '/');

  return (
    <Flex vertical gap={16}>
      <Card data-testid="welcome-card">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {me.user.displayName}，您好
        </Typography.Title>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 3 }}
          size="small"
          items={[
            { key: 'account', label: '账号', children: me.user.username },
            { key: 'role', label: '角色', children: roleLabelOf(me) },
            { key: 'scope', label: '数据范围', children: scopeLabelOf(me) },
          ]}
        />
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={
            enterpriseSide
              ? '「我的待办」列出等待您处理的隐患整改、验收和自查任务；右上角铃铛提示最新通知。'
              : '您的账号可查阅企业台账与检查清单；统计驾驶舱供区局和乡镇（街道）监管人员使用。'
          }
        />
      </Card>
      <WorkCards />
      <Card title="您可以使用的功能">
        {shortcuts.length === 0 ? (
          <Typography.Text type="secondary">您的账号目前没有可用的功能页面，如需开通请联系系统管理员。</Typography.Text>
        ) : (
          <Row gutter={[16, 16]}>
            {shortcuts.map((leaf) => (
              <Col key={leaf.key} xs={24} sm={12} lg={8} xl={6}>
                <Link to={leaf.path} data-testid={`home-link-${leaf.key}`}>
                  <Card size="small" hoverable>
                    <Flex align="center" justify="space-between">
                      <Flex align="center" gap={10}>
                        {leaf.icon && <span style={{ fontSize: 20, color: '#1554ad' }}>{createElement(leaf.icon)}</span>}
                        <Typography.Text strong>{leaf.label}</Typography.Text>
                      </Flex>
                      <RightOutlined style={{ color: 'rgba(0,0,0,0.25)' }} />
                    </Flex>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </Card>
    </Flex>
  );
}
