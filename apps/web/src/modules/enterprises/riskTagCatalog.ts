import type { RiskTagDto } from '@zhiben/contracts';
import { useMemo } from 'react';
import { useRiskTags } from './enterprises.api';

/** The tag catalog, indexed: roots per category in display order, children per parent. */
export interface TagCatalog {
  tags: readonly RiskTagDto[];
  byCode: ReadonlyMap<string, RiskTagDto>;
  childrenOf: ReadonlyMap<string, readonly RiskTagDto[]>;
  roots: Record<RiskTagDto['category'], readonly RiskTagDto[]>;
}

export function buildTagCatalog(tags: readonly RiskTagDto[]): TagCatalog {
  const sorted = [...tags].sort((a, b) => a.sort - b.sort);
  const byCode = new Map(sorted.map((t) => [t.code, t]));
  const childrenOf = new Map<string, RiskTagDto[]>();
  const roots: Record<RiskTagDto['category'], RiskTagDto[]> = { risk: [], process: [] };
  for (const tag of sorted) {
    if (tag.parentCode && byCode.has(tag.parentCode)) {
      childrenOf.set(tag.parentCode, [...(childrenOf.get(tag.parentCode) ?? []), tag]);
    } else {
      roots[tag.category].push(tag);
    }
  }
  return { tags: sorted, byCode, childrenOf, roots };
}

const EMPTY = buildTagCatalog([]);

/** The catalog (empty while loading) and its query. */
export function useTagCatalog() {
  const query = useRiskTags();
  const catalog = useMemo(() => (query.data ? buildTagCatalog(query.data.items) : EMPTY), [query.data]);
  return { catalog, query };
}

export function tagName(catalog: TagCatalog, code: string): string {
  return catalog.byCode.get(code)?.name ?? code;
}

/** A tag as shown on a record: a parent with its chosen child folded in, e.g. 粉尘涉爆（木粉尘）. */
export interface ShownTag {
  code: string;
  label: string;
  category: RiskTagDto['category'];
  description: string | null;
}

/**
 * The record's tags for display, in catalog order: children are folded into their parent's label; codes the
 * catalog does not know (retired tags) are shown as they are.
 */
export function shownTags(catalog: TagCatalog, codes: readonly string[]): ShownTag[] {
  const set = new Set(codes);
  const out: ShownTag[] = [];
  for (const category of ['risk', 'process'] as const) {
    for (const root of catalog.roots[category]) {
      if (!set.has(root.code)) continue;
      const chosen = (catalog.childrenOf.get(root.code) ?? []).filter((c) => set.has(c.code));
      const label = chosen.length ? `${root.name}（${chosen.map((c) => c.name).join('、')}）` : root.name;
      out.push({ code: root.code, label, category, description: root.description });
    }
  }
  const known = new Set(catalog.tags.map((t) => t.code));
  for (const code of codes) {
    const tag = catalog.byCode.get(code);
    // A child whose parent is missing from the record still shows.
    if (tag?.parentCode && !set.has(tag.parentCode))
      out.push({ code, label: tag.name, category: tag.category, description: tag.description });
    if (!known.has(code) && catalog.tags.length > 0) out.push({ code, label: code, category: 'risk', description: null });
  }
  return out;
}

/** A checked parent that needs exactly one child (粉尘涉爆 → 粉尘类别) but has none or several: the message. */
export function tagSelectionProblems(catalog: TagCatalog, codes: readonly string[]): string[] {
  const set = new Set(codes);
  const problems: string[] = [];
  for (const root of [...catalog.roots.risk, ...catalog.roots.process]) {
    if (!root.requiresOneChild || !set.has(root.code)) continue;
    const chosen = (catalog.childrenOf.get(root.code) ?? []).filter((c) => set.has(c.code));
    if (chosen.length !== 1) problems.push(`「${root.name}」须选择一个${root.code === 'dust_explosion' ? '粉尘类别' : '子类'}`);
  }
  return problems;
}
