import { type CreateUserBody, createUserBody, ROLE_SIDE, type Role, type UpdateUserBody, type UserDto } from '@zhiben/contracts';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { errorMessage, isApiError } from '../../api/errors';
import { applyFieldErrors } from '../../api/formErrors';
import { useSession } from '../../app/session';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { PasswordStrength } from '../../components/PasswordStrength';
import { strongPasswordRule } from '../../components/passwordRules';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useFormLayout } from '../../components/useFormLayout';
import { requiredSelect, zodRule } from '../../lib/formRules';
import { testId } from '../../lib/testId';
import { assignableRoleOptions } from './roleOptions';
import { useCreateUser, useUpdateUser } from './users.api';

interface Values {
  username: string;
  displayName: string;
  role: Role | undefined;
  enterpriseId: string | null | undefined;
  regionId: string | null | undefined;
  phone: string | undefined;
  password: string;
}

const shape = createUserBody.shape;

/** 新建用户 (no `user`) or 编辑 an existing one. */
export function UserFormModal({ open, user, onClose }: { open: boolean; user?: UserDto | undefined; onClose: () => void }) {
  const me = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const layout = useFormLayout(100);
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = !!user;
  const enterpriseScope = me.scope.kind === 'enterprise' ? me.scope : null;
  const roleOptions = useMemo(() => assignableRoleOptions(me), [me]);
  const role = Form.useWatch('role', form);
  const username = Form.useWatch('username', form);
  const password = Form.useWatch('password', form);
  const side = role ? ROLE_SIDE[role] : undefined;
  const editingSelf = user?.id === me.user.id;

  const initialValues: Partial<Values> = user
    ? {
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        enterpriseId: user.enterpriseId,
        regionId: user.regionId,
        phone: user.phone ?? undefined,
      }
    : { role: roleOptions.length === 1 ? roleOptions[0]?.value : undefined };

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // messages are shown under the fields
    }
    if (!values.role) return;
    const valueSide = ROLE_SIDE[values.role];
    const enterpriseId = valueSide === 'enterprise' && !enterpriseScope ? (values.enterpriseId ?? null) : null;
    const regionId = valueSide === 'township' ? (values.regionId ?? null) : null;
    const phone = values.phone?.trim() || null;
    try {
      if (user) {
        const body: UpdateUserBody = { displayName: values.displayName, phone, regionId };
        if (!editingSelf) body.role = values.role;
        // An enterprise principal never sends an enterprise: the server keeps his own.
        if (!enterpriseScope) body.enterpriseId = enterpriseId;
        await update.mutateAsync({ id: user.id, body });
        message.success(`已保存用户「${values.displayName}」`);
      } else {
        const body: CreateUserBody = {
          username: values.username.trim(),
          displayName: values.displayName,
          role: values.role,
          password: values.password,
          ...(enterpriseId ? { enterpriseId } : {}),
          ...(regionId ? { regionId } : {}),
          ...(phone ? { phone } : {}),
        };
        const created = await create.mutateAsync(body);
        message.success(
          created.mustChangePassword ? `已创建用户「${created.username}」，首次登录时须修改初始密码` : `已创建用户「${created.username}」`,
        );
      }
      onClose();
    } catch (error) {
      // The only unique field of a new account is its username: show a duplicate under it.
      if (!user && isApiError(error) && error.code === 'CONFLICT') {
        form.setFields([{ name: 'username', errors: [error.message] }]);
        return;
      }
      if (!applyFieldErrors(form, error, { passwordField: 'password' })) message.error(errorMessage(error));
    }
  };

  return (
    <Modal
      title={editing ? `编辑用户：${user.username}` : '新建用户'}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={editing ? '保存' : '创建'}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={testId('user-form-submit')}
      cancelButtonProps={testId('user-form-cancel')}
      destroyOnHidden
      width={600}
    >
      <Form<Values>
        form={form}
        {...layout}
        initialValues={initialValues}
        preserve={false}
        autoComplete="off"
        style={{ marginTop: 16 }}
        data-testid="user-form"
        onFinish={() => void submit()}
      >
        <Form.Item label="用户名" name="username" rules={editing ? [] : [zodRule(shape.username)]} required={!editing}>
          <Input disabled={editing} placeholder="字母开头，3–32 位，用于登录" maxLength={32} data-testid="user-form-username" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[zodRule(shape.displayName)]} required>
          <Input placeholder="真实姓名" maxLength={50} data-testid="user-form-displayName" />
        </Form.Item>
        <Form.Item
          label="角色"
          name="role"
          rules={[requiredSelect('请选择角色')]}
          required
          extra={editingSelf ? '不能修改自己的角色' : undefined}
        >
          <Select
            placeholder="选择角色（可输入名称搜索）"
            options={roleOptions}
            showSearch={{ optionFilterProp: 'search' }}
            disabled={editingSelf}
            virtual={false}
            data-testid="user-form-role"
          />
        </Form.Item>
        {side === 'enterprise' &&
          (enterpriseScope ? (
            <Form.Item label="所属企业">
              <Typography.Text>{enterpriseScope.enterpriseName}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item label="所属企业" name="enterpriseId" rules={[requiredSelect('企业用户必须选择所属企业')]} required>
              <EnterpriseSelect
                initialOption={
                  user?.enterpriseId && user.enterpriseName ? { value: user.enterpriseId, label: user.enterpriseName } : undefined
                }
                data-testid="user-form-enterprise"
              />
            </Form.Item>
          ))}
        {side === 'township' && (
          <Form.Item label="所属乡镇" name="regionId" rules={[requiredSelect('请选择所属乡镇（街道）或园区')]} required>
            <RegionTreeSelect data-testid="user-form-region" />
          </Form.Item>
        )}
        <Form.Item label="电话" name="phone" rules={[zodRule(shape.phone)]}>
          <Input placeholder="手机号或座机，如 13800000000 / 0355-1234567" maxLength={20} data-testid="user-form-phone" />
        </Form.Item>
        {!editing && (
          <Form.Item
            label="初始密码"
            name="password"
            dependencies={['username']}
            required
            rules={[strongPasswordRule(() => username, '请输入初始密码')]}
            extra={<PasswordStrength password={password} username={username} />}
          >
            <Input.Password autoComplete="new-password" data-testid="user-form-password" />
          </Form.Item>
        )}
        {/* Enter in any field submits. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
