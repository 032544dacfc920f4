import type { RiskTagDto } from '@zhiben/contracts';

/** The catalog fields the checks need (a `RiskTagDto` row, or the seed data). */
export type RiskTagDefinition = Pick<RiskTagDto, 'code' | 'name' | 'parentCode' | 'requiresOneChild'>;

export type RiskTagProblemKind = 'unknown' | 'duplicate' | 'missing_parent' | 'missing_child' | 'multiple_children';

export interface RiskTagProblem {
  kind: RiskTagProblemKind;
  /** The tag the problem is about (for a missing/multiple child: the parent). */
  code: string;
  /** Chinese, for forms and the import error list. */
  message: string;
}

/**
 * Checks the tags chosen for one enterprise against the catalog:
 * - every code exists (`unknown`) and appears once (`duplicate`);
 * - a child tag (木粉尘) comes with its parent (粉尘涉爆) (`missing_parent`);
 * - a parent with `requiresOneChild` (粉尘涉爆) comes with exactly one of its children (`missing_child`,
 *   `multiple_children`).
 * Problems are listed in the order of the codes given, then parents in catalog order. An empty list means valid.
 */
export function validateRiskTags(codes: readonly string[], catalog: readonly RiskTagDefinition[]): RiskTagProblem[] {
  const byCode = new Map(catalog.map((t) => [t.code, t]));
  const name = (code: string) => byCode.get(code)?.name ?? code;
  const problems: RiskTagProblem[] = [];
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) {
      if (byCode.has(code)) problems.push({ kind: 'duplicate', code, message: `风险标签「${name(code)}」重复` });
      continue;
    }
    seen.add(code);
    const tag = byCode.get(code);
    if (tag === undefined) {
      problems.push({ kind: 'unknown', code, message: `未知的风险标签「${code}」` });
      continue;
    }
    if (tag.parentCode !== null && !codes.includes(tag.parentCode)) {
      problems.push({
        kind: 'missing_parent',
        code,
        message: `选择「${tag.name}」时须同时选择其上级标签「${name(tag.parentCode)}」`,
      });
    }
  }
  for (const parent of catalog) {
    if (!parent.requiresOneChild || !seen.has(parent.code)) continue;
    const children = catalog.filter((t) => t.parentCode === parent.code);
    const chosen = children.filter((c) => seen.has(c.code));
    const options = children.map((c) => c.name).join('、');
    if (chosen.length === 0) {
      problems.push({
        kind: 'missing_child',
        code: parent.code,
        message: `「${parent.name}」须选择一个具体类别（${options}），当前未选择`,
      });
    } else if (chosen.length > 1) {
      problems.push({
        kind: 'multiple_children',
        code: parent.code,
        message: `「${parent.name}」只能选择一个具体类别，当前选择了 ${chosen.length} 个：${chosen.map((c) => c.name).join('、')}`,
      });
    }
  }
  return problems;
}

/**
 * Problems in the catalog itself, in Chinese (for the screen where officials amend it): duplicate or malformed
 * codes, a parent that does not exist, a child whose parent is itself a child (one level only), and a parent
 * marked `requiresOneChild` without children.
 */
export function validateRiskTagCatalog(catalog: readonly RiskTagDefinition[]): string[] {
  const problems: string[] = [];
  const byCode = new Map<string, RiskTagDefinition>();
  for (const tag of catalog) {
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(tag.code)) problems.push(`标签代码「${tag.code}」格式不正确（小写字母、数字、下划线，最长 40 位）`);
    if (byCode.has(tag.code)) problems.push(`标签代码「${tag.code}」重复`);
    byCode.set(tag.code, tag);
    if (tag.name.trim() === '') problems.push(`标签「${tag.code}」缺少名称`);
  }
  for (const tag of catalog) {
    if (tag.parentCode === null) continue;
    const parent = byCode.get(tag.parentCode);
    if (parent === undefined) problems.push(`标签「${tag.name}」的上级「${tag.parentCode}」不存在`);
    else if (parent.parentCode !== null) problems.push(`标签「${tag.name}」的上级「${parent.name}」本身是子类（只支持一级）`);
  }
  for (const tag of catalog) {
    if (tag.requiresOneChild && !catalog.some((c) => c.parentCode === tag.code)) {
      problems.push(`标签「${tag.name}」要求选择一个子类，但没有子类`);
    }
  }
  return problems;
}
