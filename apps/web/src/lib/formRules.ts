import type { FormRule } from 'antd';

/** The part of a zod schema the form rules use (kept structural so the web app needs no direct zod import). */
export interface ParseableSchema {
  safeParse(value: unknown): { success: boolean; error?: { issues: readonly { message: string }[] } };
}

/**
 * An antd form rule that validates a field with the shared contracts schema, so the browser shows the same
 * Chinese message the server would answer. Empty input passes when the schema accepts `undefined`
 * (optional fields) and is checked as `''` otherwise (so "请输入…" messages show instead of type errors).
 */
export function zodRule(schema: ParseableSchema): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const empty = value === undefined || value === null || value === '';
      if (empty && schema.safeParse(undefined).success) return;
      const result = schema.safeParse(empty ? '' : value);
      if (!result.success) throw new Error(result.error?.issues[0]?.message ?? '格式不正确');
    },
  };
}

/** "Choose one" rule for selects. */
export function requiredSelect(message: string): FormRule {
  return { required: true, message };
}
