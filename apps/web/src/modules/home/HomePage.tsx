import { RightOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { createElement } from 'react';
import { Link } from 'react-router';
import { roleLabelOf, scopeLabelOf, sideOf } from '../../app/access';
import { visibleLeaves } from '../../app/menu';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../lib/usePageTitle';

/**
 * 首页 (bureau, township, expert) / 工作台 (enterprise). A welcome card for now; the dashboard
 * (驾驶舱) and the enterprise to-do list replace it when their APIs exist.
 */
export function HomePage() {
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
              ? '工作台待办（隐患整改、自查任务等）将随相关功能上线后在此显示。'
              : '驾驶舱统计图表将随隐患、监测等功能上线后在此显示。'
          }
        />
      </Card>
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
