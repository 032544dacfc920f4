import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Tag, theme } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { NotificationBell } from '../modules/notifications/NotificationBell';
import { scopeLabelOf } from './access';
import { Brand } from './Brand';
import { FullPageSpin } from './FullPageSpin';
import { SideMenu } from './SideMenu';
import { useSession } from './session';
import { UserMenu } from './UserMenu';

const SIDER_WIDTH = 220;

/** The signed-in shell: left menu (a drawer on phones), top bar with scope and user menu, page content. */
export function AppLayout() {
  const me = useSession();
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  const desktop = screens.lg ?? true;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {desktop && (
        <Layout.Sider
          width={SIDER_WIDTH}
          collapsible
          collapsed={collapsed}
          trigger={null}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Brand compact={collapsed} />
          <SideMenu collapsed={collapsed} />
        </Layout.Sider>
      )}
      {!desktop && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={SIDER_WIDTH + 40}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand />
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: desktop ? '0 24px 0 8px' : '0 12px 0 4px',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
            height: 56,
            lineHeight: '56px',
          }}
        >
          <Flex align="center" justify="space-between" style={{ height: '100%' }}>
            <Flex align="center" gap={8}>
              <Button
                type="text"
                aria-label={desktop ? (collapsed ? '展开菜单' : '收起菜单') : '打开菜单'}
                icon={desktop && !collapsed ? <MenuFoldOutlined /> : <MenuUnfoldOutlined />}
                onClick={() => (desktop ? setCollapsed((c) => !c) : setDrawerOpen(true))}
                data-testid="menu-toggle"
              />
              {screens.sm && (
                <Tag color="blue" variant="outlined" data-testid="current-scope">
                  数据范围：{scopeLabelOf(me)}
                </Tag>
              )}
            </Flex>
            <Flex align="center" gap={desktop ? 8 : 0}>
              <NotificationBell />
              <UserMenu />
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: desktop ? 24 : 12 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: token.colorTextTertiary, padding: '12px 24px' }}>
          上党区应急管理局 · 工贸行业安全生产治本攻坚监管平台
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
