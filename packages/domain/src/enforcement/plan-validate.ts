import { PLAN_ISSUE_CODES, type PlanIssueCode } from '@zhiben/contracts';
import { type CapBasis, capFor, type InspectionCapTable, SHANXI_INSPECTION_CAPS_2025 } from './inspection-caps.js';

export interface PlanEntryToValidate {
  enterpriseId: string;
  plannedCount: number;
  quarters: readonly number[];
  overCapReason?: string | null | undefined;
}

export interface PlanEnterprise extends CapBasis {
  enterpriseId: string;
  name: string;
}

export interface PlanIssue {
  /** Path inside the plan body, e.g. ['entries', 3, 'overCapReason']. */
  path: (string | number)[];
  code: PlanIssueCode;
  enterpriseId: string;
  /** Chinese, naming the enterprise. */
  message: string;
}

export interface OverCapEntry {
  enterpriseId: string;
  plannedCount: number;
  cap: number;
  reason: string;
}

export interface PlanValidation {
  ok: boolean;
  issues: PlanIssue[];
  /** Entries over their cap with a reason: accepted, and to be written to the audit record. */
  overCap: OverCapEntry[];
}

/**
 * Checks an edited annual plan against the inspection caps (regulations.md §5.3): an entry above its cap needs a
 * reason (else OVER_CAP_WITHOUT_REASON); with one it is accepted and listed in `overCap` for the audit. Also
 * refuses enterprises not given (unknown or out of scope), duplicates and quarter lists that do not match the count.
 */
export function validatePlan(
  entries: readonly PlanEntryToValidate[],
  enterprises: readonly PlanEnterprise[],
  caps: InspectionCapTable = SHANXI_INSPECTION_CAPS_2025,
): PlanValidation {
  const byId = new Map(enterprises.map((e) => [e.enterpriseId, e]));
  const issues: PlanIssue[] = [];
  const overCap: OverCapEntry[] = [];
  const seen = new Set<string>();
  const issue = (index: number, field: string, code: PlanIssueCode, enterpriseId: string, message: string) =>
    issues.push({ path: ['entries', index, field], code, enterpriseId, message });

  entries.forEach((entry, index) => {
    const enterprise = byId.get(entry.enterpriseId);
    if (enterprise === undefined) {
      issue(index, 'enterpriseId', 'UNKNOWN_ENTERPRISE', entry.enterpriseId, PLAN_ISSUE_CODES.UNKNOWN_ENTERPRISE);
      return;
    }
    const name = `「${enterprise.name}」`;
    if (seen.has(entry.enterpriseId)) {
      issue(index, 'enterpriseId', 'DUPLICATE_ENTERPRISE', entry.enterpriseId, `${name}在计划中出现多次`);
      return;
    }
    seen.add(entry.enterpriseId);
    if (entry.quarters.length !== entry.plannedCount) {
      issue(
        index,
        'quarters',
        'QUARTERS_MISMATCH',
        entry.enterpriseId,
        `${name}计划检查 ${entry.plannedCount} 次，但安排了 ${entry.quarters.length} 个季度`,
      );
    }
    const cap = capFor(enterprise, caps);
    if (entry.plannedCount <= cap) return;
    const reason = entry.overCapReason?.trim() ?? '';
    if (reason === '') {
      issue(
        index,
        'overCapReason',
        'OVER_CAP_WITHOUT_REASON',
        entry.enterpriseId,
        `${name}计划检查 ${entry.plannedCount} 次，超过年度上限 ${cap} 次，须填写理由`,
      );
    } else {
      overCap.push({ enterpriseId: entry.enterpriseId, plannedCount: entry.plannedCount, cap, reason });
    }
  });
  return { ok: issues.length === 0, issues, overCap };
}
