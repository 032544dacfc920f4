import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Flex, Grid, Typography } from 'antd';
import { useState } from 'react';
import { ChangePasswordModal } from '../modules/auth/ChangePasswordModal';
import { roleLabelOf, scopeLabelOf } from './access';
import { useLogout, useSession } from './session';

/** Top-right: who is signed in (name, role, scope) and the account actions. */
export function UserMenu() {
  const me = useSession();
  const logout = useLogout();
  const screens = Grid.useBreakpoint();
  const [changingPassword, setChangingPassword] = useState(false);
  const wide = screens.md ?? false;

  return (
    <>
      <Dropdown
        trigger={['click']}
        placement="bottomRight"
        menu={{
          items: [
            {
              key: 'who',
              type: 'group',
              label: `${roleLabelOf(me)} · ${scopeLabelOf(me)}`,
            },
            { type: 'divider' },
            { key: 'password', icon: <KeyOutlined />, label: '修改密码', 'data-testid': 'user-menu-change-password' },
            { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true, 'data-testid': 'user-menu-logout' },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChangingPassword(true);
            if (key === 'logout') logout.mutate();
          },
        }}
      >
        <button type="button" className="zb-user-trigger" data-testid="user-menu" aria-label="用户菜单">
          <Flex align="center" gap={8}>
            <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1554ad' }} />
            <Flex vertical align="flex-start" style={{ lineHeight: 1.3 }}>
              <Typography.Text strong data-testid="current-user-name">
                {me.user.displayName}
              </Typography.Text>
              {wide && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="current-user-role">
                  {roleLabelOf(me)} · {scopeLabelOf(me)}
                </Typography.Text>
              )}
            </Flex>
            <DownOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.45)' }} />
          </Flex>
        </button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
