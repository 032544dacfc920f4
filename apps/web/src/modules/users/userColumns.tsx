import { ROLE_LABELS, type UserDto } from '@zhiben/contracts';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/time';
import { UserStatusTags } from './UserStatusTags';

/** Optional columns the 列设置 chooser can hide (the rest always show). */
export const OPTIONAL_USER_COLUMNS = [
  { key: 'attachment', title: '所属企业/乡镇' },
  { key: 'phone', title: '电话' },
  { key: 'lastLoginAt', title: '最后登录' },
  { key: 'createdAt', title: '创建时间' },
] as const;
export const DEFAULT_USER_COLUMNS = ['attachment', 'phone', 'lastLoginAt'];

export function userColumns(options: {
  sortOrderOf: (field: string) => 'ascend' | 'descend' | null;
  visible: readonly string[];
  actions: (user: UserDto) => ReactNode;
}): TableColumnsType<UserDto> {
  const { sortOrderOf, visible, actions } = options;
  const all: TableColumnsType<UserDto> = [
    {
      title: '用户名',
      dataIndex: 'username',
      key: 'username',
      sorter: true,
      sortOrder: sortOrderOf('username'),
      width: 110,
      ellipsis: true,
    },
    {
      title: '姓名',
      dataIndex: 'displayName',
      key: 'displayName',
      sorter: true,
      sortOrder: sortOrderOf('displayName'),
      width: 130,
      ellipsis: true,
    },
    {
      title: '角色',
      dataIndex: 'role',
      key: 'role',
      sorter: true,
      sortOrder: sortOrderOf('role'),
      width: 150,
      render: (role: UserDto['role']) => ROLE_LABELS[role],
    },
    {
      title: '所属企业/乡镇',
      key: 'attachment',
      ellipsis: true,
      render: (_, u) => u.enterpriseName ?? u.regionName ?? '—',
    },
    { title: '电话', dataIndex: 'phone', key: 'phone', width: 115, render: (phone: string | null) => phone ?? '—' },
    { title: '状态', key: 'status', width: 100, render: (_, u) => <UserStatusTags user={u} /> },
    {
      title: '最后登录',
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      sorter: true,
      sortOrder: sortOrderOf('lastLoginAt'),
      width: 150,
      render: (value: string | null) => (value ? formatDateTime(value) : '从未登录'),
    },
    {
      title: '创建时间',
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: sortOrderOf('createdAt'),
      width: 150,
      render: (value: string) => formatDateTime(value),
    },
    { title: '操作', key: 'actions', width: 180, fixed: 'right', render: (_, u) => actions(u) },
  ];
  const optional = new Set<string>(OPTIONAL_USER_COLUMNS.map((c) => c.key));
  return all.filter((c) => !optional.has(String(c.key)) || visible.includes(String(c.key)));
}
