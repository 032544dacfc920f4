import { USER_STATUS_LABELS, type UserDto } from '@zhiben/contracts';
import { Flex, Tag, Tooltip } from 'antd';
import { formatDateTime, isFuture } from '../../lib/time';

/** 正常 (green) / 已停用 (grey), plus 已锁定 (red, until its time) and 待改密 (orange). */
export function UserStatusTags({ user }: { user: UserDto }) {
  return (
    <Flex gap={4} wrap>
      <Tag color={user.status === 'active' ? 'green' : 'default'}>{USER_STATUS_LABELS[user.status]}</Tag>
      {isFuture(user.lockedUntil) && (
        <Tooltip title={`登录失败次数过多，锁定至 ${formatDateTime(user.lockedUntil)}；重置密码可立即解锁`}>
          <Tag color="red" data-testid={`user-locked-${user.username}`}>
            已锁定
          </Tag>
        </Tooltip>
      )}
      {user.mustChangePassword && user.status === 'active' && (
        <Tooltip title="该用户下次登录时须先修改密码">
          <Tag color="orange">待改密</Tag>
        </Tooltip>
      )}
    </Flex>
  );
}
