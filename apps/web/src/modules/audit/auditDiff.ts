export interface FieldChange {
  key: string;
  before: unknown;
  after: unknown;
  /** Present in only one snapshot, or different in both. */
  changed: boolean;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  return { 值: value };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The fields of an audit event's before/after snapshots side by side: every key of either snapshot,
 * in first-seen order, marked when it changed. A creation has only `after`, a deletion only `before`.
 */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return keys.map((key) => {
    const left = b ? b[key] : undefined;
    const right = a ? a[key] : undefined;
    return { key, before: left, after: right, changed: !b || !a ? true : !same(left, right) };
  });
}
