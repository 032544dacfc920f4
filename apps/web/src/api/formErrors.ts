import type { FormInstance } from 'antd';
import { isApiError } from './errors';

/**
 * Puts the server's field problems under the form fields they concern. VALIDATION_FAILED issues carry
 * paths like `['body', 'username']`; WEAK_PASSWORD goes under `passwordField`. Returns whether any field
 * message was set (otherwise the caller shows the error as a message).
 */
export function applyFieldErrors(form: FormInstance, error: unknown, options: { passwordField?: string } = {}): boolean {
  if (!isApiError(error)) return false;
  // Only fields rendered by this form: a problem with any other field is shown as a message instead.
  const known = new Set(Object.keys((form.getFieldsValue() ?? {}) as Record<string, unknown>));
  const byField = new Map<string, string[]>();
  const add = (field: string, message: string) => byField.set(field, [...(byField.get(field) ?? []), message]);

  for (const issue of error.fieldIssues) {
    const [where, field] = issue.path;
    if (where === 'body' && typeof field === 'string' && known.has(field)) add(field, issue.message);
  }
  if (error.code === 'WEAK_PASSWORD' && options.passwordField) {
    const problems = (error.details as { problems?: unknown } | undefined)?.problems;
    add(options.passwordField, Array.isArray(problems) && problems.length ? problems.join('；') : error.message);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}
