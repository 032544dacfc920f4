import { PlusOutlined } from '@ant-design/icons';
import { USER_STATUS_LABELS, USER_STATUSES, type UserDto } from '@zhiben/contracts';
import { Button, Card, Empty, Flex, Form, Input, Select, Table } from 'antd';
import { useMemo, useState } from 'react';
import { can, sideOf } from '../../app/access';
import { useSession } from '../../app/session';
import { ColumnChooser } from '../../components/ColumnChooser';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { paginationOf, useListState } from '../../lib/useListState';
import { useStoredState } from '../../lib/useStoredState';
import { ResetPasswordModal } from './ResetPasswordModal';
import { filterRoleOptions } from './roleOptions';
import { UserFormModal } from './UserFormModal';
import { UserRowActions } from './UserRowActions';
import { DEFAULT_USER_COLUMNS, OPTIONAL_USER_COLUMNS, userColumns } from './userColumns';
import { useUserList } from './users.api';

const FILTERS = ['q', 'role', 'status'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

const statusOptions = USER_STATUSES.map((s) => ({ value: s, label: USER_STATUS_LABELS[s] }));

/** 用户管理 (bureau admin, all accounts) and 人员账号 (enterprise principal, his enterprise's accounts). */
export function UsersPage() {
  const me = useSession();
  const enterpriseSide = sideOf(me) === 'enterprise';
  const list = useListState(FILTERS);
  const [filterForm] = Form.useForm<Filters>();
  const [editing, setEditing] = useState<{ user?: UserDto } | null>(null);
  const [resetting, setResetting] = useState<UserDto | undefined>();
  const [visibleColumns, setVisibleColumns] = useStoredState<string[]>('zb.users.columns', DEFAULT_USER_COLUMNS);
  const roleOptions = useMemo(() => filterRoleOptions(me), [me]);
  const canCreate = can(me, 'users.create');

  const query = useUserList({
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
    q: list.filters.q,
    role: list.filters.role,
    status: list.filters.status,
  });

  const columns = useMemo(
    () =>
      userColumns({
        sortOrderOf: list.sortOrderOf,
        visible: visibleColumns,
        actions: (u) => <UserRowActions user={u} onEdit={(user) => setEditing({ user })} onResetPassword={setResetting} />,
      }),
    [list.sortOrderOf, visibleColumns],
  );

  const emptyText = list.filtered
    ? '没有符合条件的用户，请调整查询条件或点击「重置」'
    : canCreate
      ? '暂无用户，点击「新建用户」添加账号'
      : '暂无用户';

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={enterpriseSide ? '人员账号' : '用户管理'}
        description={enterpriseSide ? '本企业安全管理人员与员工的登录账号' : '全区各级用户的登录账号、角色与所属单位'}
      />
      <FilterBar<Filters>
        form={filterForm}
        values={list.filters}
        onSearch={(v) => list.setFilters(v)}
        onReset={() => list.setFilters({})}
        testIdPrefix="users"
      >
        <Form.Item key="q" name="q" label="关键字">
          <Input allowClear placeholder="用户名或姓名" data-testid="users-filter-q" />
        </Form.Item>
        <Form.Item key="role" name="role" label="角色">
          <Select allowClear placeholder="全部角色" options={roleOptions} data-testid="users-filter-role" />
        </Form.Item>
        <Form.Item key="status" name="status" label="状态">
          <Select allowClear placeholder="全部状态" options={statusOptions} data-testid="users-filter-status" />
        </Form.Item>
      </FilterBar>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
          <div>
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="users-create">
                新建用户
              </Button>
            )}
          </div>
          <ColumnChooser columns={OPTIONAL_USER_COLUMNS} visible={visibleColumns} onChange={setVisibleColumns} />
        </Flex>
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<UserDto>
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            pagination={paginationOf(list, query.data?.total)}
            onChange={list.onTableChange}
            scroll={{ x: 1080 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
            data-testid="users-table"
          />
        )}
      </Card>
      {editing && <UserFormModal open user={editing.user} onClose={() => setEditing(null)} />}
      <ResetPasswordModal user={resetting} onClose={() => setResetting(undefined)} />
    </Flex>
  );
}
