import { passwordProblems } from '@zhiben/contracts';
import type { RuleObject } from 'antd/es/form';

/** The new password must satisfy the shared password rule (and not contain the username). */
export function strongPasswordRule(usernameOf: () => string | undefined, emptyMessage = '请输入新密码'): RuleObject {
  return {
    validator: async (_rule, value: string | undefined) => {
      if (!value) throw new Error(emptyMessage);
      // The details are listed live by PasswordStrength right below the field.
      if (passwordProblems(value, usernameOf()).length) throw new Error('密码强度不足，请按下方提示修改');
    },
  };
}

/** The confirmation must equal the field `field` (use as `({ getFieldValue }) => sameAsRule(getFieldValue, 'x')`). */
export function sameAsRule(getFieldValue: (name: string) => unknown, field: string): RuleObject {
  return {
    validator: async (_rule, value: string | undefined) => {
      if (!value) throw new Error('请再次输入新密码');
      if (value !== getFieldValue(field)) throw new Error('两次输入的密码不一致');
    },
  };
}
