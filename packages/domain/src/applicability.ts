import { SECTOR_LABELS, SECTORS, type Sector } from '@zhiben/contracts';

/**
 * Applicability of a 重大事故隐患判定标准 item (令10 or a local item) to an enterprise, as data. Conditions are plain
 * JSON (stored in `standard_items.applicability`, jsonb) and are evaluated against the enterprise's 监管行业 and its
 * risk / process tags (the tag catalog, packages/db/src/seed/risk-tags.data.ts).
 *
 * Every node has exactly one operator key:
 * - `{ all: true }`: every 工贸 enterprise (第三条(一)(二), 第十四条);
 * - `{ sectors: [...] }`: the enterprise's effective sector is one of these (an enterprise without a sector never matches);
 * - `{ tagsAny: [...] }` / `{ tagsAll: [...] }`: it carries at least one / every listed tag;
 * - `{ and: [...] }`, `{ or: [...] }`, `{ not: ... }`.
 *
 * Optional wording fields, which never change the result:
 * - `role` (tag nodes): how the tag is worded in explanations: `risk` 企业标注「…」 (default), `process` 具有「…」工艺,
 *   `dust_category` 粉尘类别为「…」;
 * - `note` (any node): a short Chinese remark appended to the reason when the node holds, e.g. which branch of an item
 *   the enterprise falls under. An `or` whose first alternative is the item's whole scope and whose other
 *   alternatives carry notes is how a branch of an item (第十一条(八) 木制品加工企业…) is marked.
 *
 * Tags are matched as given: child tags do not imply their parent. Enterprise profiles are validated by
 * `validateRiskTags` (木粉尘 comes with 粉尘涉爆), so conditions name the parent where they mean it.
 */
export const TAG_ROLES = ['risk', 'process', 'dust_category'] as const;
export type TagRole = (typeof TAG_ROLES)[number];

interface Noted {
  /** Chinese remark appended to the reason when this node holds. */
  note?: string;
}
export interface ApplicabilityAll extends Noted {
  all: true;
}
export interface ApplicabilitySectors extends Noted {
  sectors: readonly Sector[];
}
export interface ApplicabilityTagsAny extends Noted {
  tagsAny: readonly string[];
  role?: TagRole;
}
export interface ApplicabilityTagsAll extends Noted {
  tagsAll: readonly string[];
  role?: TagRole;
}
export interface ApplicabilityAnd extends Noted {
  and: readonly Applicability[];
}
export interface ApplicabilityOr extends Noted {
  or: readonly Applicability[];
}
export interface ApplicabilityNot extends Noted {
  not: Applicability;
}

export type Applicability =
  | ApplicabilityAll
  | ApplicabilitySectors
  | ApplicabilityTagsAny
  | ApplicabilityTagsAll
  | ApplicabilityAnd
  | ApplicabilityOr
  | ApplicabilityNot;

/** What a condition is evaluated against: the effective sector and the enterprise's tag codes. */
export interface ApplicabilityProfile {
  sector: Sector | null;
  tags: readonly string[];
}

/** Tag code → Chinese name (from the catalog); codes without a name are shown as the code. */
export type TagNames = Readonly<Record<string, string>>;

const OPERATORS = ['all', 'sectors', 'tagsAny', 'tagsAll', 'and', 'or', 'not'] as const;

export function evaluateApplicability(cond: Applicability, profile: ApplicabilityProfile): boolean {
  if ('all' in cond) return true;
  if ('sectors' in cond) return profile.sector !== null && cond.sectors.includes(profile.sector);
  if ('tagsAny' in cond) return cond.tagsAny.some((t) => profile.tags.includes(t));
  if ('tagsAll' in cond) return cond.tagsAll.every((t) => profile.tags.includes(t));
  if ('and' in cond) return cond.and.every((c) => evaluateApplicability(c, profile));
  if ('or' in cond) return cond.or.some((c) => evaluateApplicability(c, profile));
  return !evaluateApplicability(cond.not, profile);
}

const quoted = (labels: readonly string[], joiner: string) => labels.map((l) => `「${l}」`).join(joiner);
const tagLabels = (codes: readonly string[], names: TagNames) => codes.map((c) => names[c] ?? c);

function tagPhrase(role: TagRole, labels: string, all: boolean): string {
  switch (role) {
    case 'process':
      return all ? `同时具有${labels}工艺` : `具有${labels}工艺`;
    case 'dust_category':
      return `粉尘类别为${labels}`;
    default:
      return all ? `企业同时标注${labels}` : `企业标注${labels}`;
  }
}

function negatedTagPhrase(role: TagRole, labels: string): string {
  switch (role) {
    case 'process':
      return `不具有${labels}工艺`;
    case 'dust_category':
      return `粉尘类别不是${labels}`;
    default:
      return `企业未标注${labels}`;
  }
}

const isCompound = (c: Applicability) => ('and' in c && c.and.length > 1) || ('or' in c && c.or.length > 1);

/**
 * The condition itself in Chinese, independent of any enterprise, e.g.
 * '监管行业为「冶金」且具有「高炉炼铁」工艺'. Notes are left out.
 */
export function describeApplicability(cond: Applicability, tagNames: TagNames = {}): string {
  const inner = (c: Applicability) => {
    const text = describeApplicability(c, tagNames);
    return isCompound(c) ? `（${text}）` : text;
  };
  if ('all' in cond) return '全部工贸企业';
  if ('sectors' in cond)
    return `监管行业为${quoted(
      cond.sectors.map((s) => SECTOR_LABELS[s]),
      '或',
    )}`;
  if ('tagsAny' in cond) return tagPhrase(cond.role ?? 'risk', quoted(tagLabels(cond.tagsAny, tagNames), '或'), false);
  if ('tagsAll' in cond) {
    return tagPhrase(cond.role ?? 'risk', quoted(tagLabels(cond.tagsAll, tagNames), '、'), cond.tagsAll.length > 1);
  }
  if ('and' in cond) return cond.and.map(inner).join('且');
  if ('or' in cond) return cond.or.map(inner).join('或');
  return negated(cond.not, tagNames);
}

function negated(cond: Applicability, tagNames: TagNames): string {
  if ('sectors' in cond)
    return `监管行业不是${quoted(
      cond.sectors.map((s) => SECTOR_LABELS[s]),
      '、',
    )}`;
  if ('tagsAny' in cond) return negatedTagPhrase(cond.role ?? 'risk', quoted(tagLabels(cond.tagsAny, tagNames), '、'));
  return `不满足「${describeApplicability(cond, tagNames)}」`;
}

/** Why a condition that holds for the profile holds: only the parts the enterprise meets are named. */
function reason(cond: Applicability, profile: ApplicabilityProfile, tagNames: TagNames): string {
  let text: string;
  if ('all' in cond) text = '适用于全部工贸企业';
  else if ('sectors' in cond) text = `监管行业为${quoted(profile.sector === null ? [] : [SECTOR_LABELS[profile.sector]], '、')}`;
  else if ('tagsAny' in cond) {
    const matched = cond.tagsAny.filter((t) => profile.tags.includes(t));
    text = tagPhrase(cond.role ?? 'risk', quoted(tagLabels(matched, tagNames), '、'), false);
  } else if ('tagsAll' in cond) {
    text = tagPhrase(cond.role ?? 'risk', quoted(tagLabels(cond.tagsAll, tagNames), '、'), cond.tagsAll.length > 1);
  } else if ('and' in cond) {
    // `{ all: true }` inside an `and` adds nothing to the reason.
    const parts = cond.and.filter((c) => !('all' in c));
    text = parts.length === 0 ? '适用于全部工贸企业' : parts.map((c) => reason(c, profile, tagNames)).join('且');
  } else if ('or' in cond) {
    text = cond.or
      .filter((c) => evaluateApplicability(c, profile))
      .map((c) => reason(c, profile, tagNames))
      .join('；');
  } else text = negated(cond.not, tagNames);
  return cond.note ? `${text}（${cond.note}）` : text;
}

/**
 * A Chinese sentence saying why the condition applies to the enterprise, e.g.
 * '企业标注「粉尘涉爆」且粉尘类别为「木粉尘」' or '监管行业为「冶金」且具有「高炉炼铁」工艺'. When it does not
 * apply: '不适用：须满足…' with the whole condition.
 */
export function explainApplicability(cond: Applicability, profile: ApplicabilityProfile, tagNames: TagNames = {}): string {
  if (!evaluateApplicability(cond, profile)) return `不适用：须满足${describeApplicability(cond, tagNames)}`;
  return reason(cond, profile, tagNames);
}

export interface ApplicableItem<T> {
  item: T;
  /** Why the item applies (explainApplicability). */
  reason: string;
}

/** The items that apply to the enterprise, in the order given, each with the reason. */
export function applicableItems<T extends { applicability: Applicability }>(
  items: readonly T[],
  profile: ApplicabilityProfile,
  tagNames: TagNames = {},
): ApplicableItem<T>[] {
  return items
    .filter((item) => evaluateApplicability(item.applicability, profile))
    .map((item) => ({ item, reason: reason(item.applicability, profile, tagNames) }));
}

/** Every tag code a condition refers to, once each, in order of appearance. */
export function applicabilityTagCodes(cond: Applicability): string[] {
  const codes: string[] = [];
  const walk = (c: Applicability) => {
    if ('tagsAny' in c) codes.push(...c.tagsAny);
    else if ('tagsAll' in c) codes.push(...c.tagsAll);
    else if ('and' in c) c.and.forEach(walk);
    else if ('or' in c) c.or.forEach(walk);
    else if ('not' in c) walk(c.not);
  };
  walk(cond);
  return [...new Set(codes)];
}

/**
 * Checks a stored or edited value (unknown JSON) against the condition language; returns Chinese problems, each
 * prefixed with the path of the node ('and[1].tagsAny'). An empty list means the value is a valid `Applicability`
 * whose tags are all in `knownTags`.
 */
export function checkApplicability(value: unknown, knownTags: readonly string[]): string[] {
  const problems: string[] = [];
  const known = new Set(knownTags);
  const sectors = new Set<string>(SECTORS);
  const at = (path: string) => (path === '' ? '适用条件' : `适用条件 ${path}`);

  const list = (v: unknown, path: string, check: (s: string) => string | null) => {
    if (!Array.isArray(v) || v.length === 0) {
      problems.push(`${at(path)} 须为非空列表`);
      return;
    }
    const seen = new Set<unknown>();
    for (const entry of v) {
      if (typeof entry !== 'string') problems.push(`${at(path)} 只能包含文字代码`);
      else {
        const problem = check(entry);
        if (problem !== null) problems.push(`${at(path)} ${problem}`);
      }
      if (seen.has(entry)) problems.push(`${at(path)} 重复「${String(entry)}」`);
      seen.add(entry);
    }
  };

  const walk = (v: unknown, path: string, depth: number): void => {
    if (depth > 12) {
      problems.push(`${at(path)} 嵌套过深`);
      return;
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      problems.push(`${at(path)} 须为对象`);
      return;
    }
    const node = v as Record<string, unknown>;
    const ops = OPERATORS.filter((op) => op in node);
    const [op] = ops;
    if (op === undefined || ops.length > 1) {
      problems.push(`${at(path)} 须且只能有一个条件（${OPERATORS.join('、')}）`);
      return;
    }
    const isTagNode = op === 'tagsAny' || op === 'tagsAll';
    for (const key of Object.keys(node)) {
      if (key !== op && key !== 'note' && !(isTagNode && key === 'role')) problems.push(`${at(path)} 含有未知字段「${key}」`);
    }
    if ('note' in node && (typeof node.note !== 'string' || node.note.trim() === '')) problems.push(`${at(path)} 的说明须为非空文字`);
    if (isTagNode && 'role' in node && !TAG_ROLES.includes(node.role as TagRole)) {
      problems.push(`${at(path)} 的 role 须为 ${TAG_ROLES.join('、')} 之一`);
    }
    const child = path === '' ? op : `${path}.${op}`;
    switch (op) {
      case 'all':
        if (node.all !== true) problems.push(`${at(child)} 须为 true`);
        break;
      case 'sectors':
        list(node.sectors, child, (s) => (sectors.has(s) ? null : `未知的监管行业「${s}」`));
        break;
      case 'tagsAny':
      case 'tagsAll':
        list(node[op], child, (t) => (known.has(t) ? null : `未知的风险标签「${t}」`));
        break;
      case 'and':
      case 'or': {
        const children = node[op];
        if (!Array.isArray(children) || children.length === 0) problems.push(`${at(child)} 须为非空列表`);
        else {
          children.forEach((c, i) => {
            walk(c, `${child}[${i}]`, depth + 1);
          });
        }
        break;
      }
      case 'not':
        walk(node.not, child, depth + 1);
        break;
    }
  };
  walk(value, '', 0);
  return problems;
}
