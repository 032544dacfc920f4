import { SECTOR_LABELS, type Sector, type StandardItemDto } from '@zhiben/contracts';

/** What each article of 令10 covers (第三条 general … 第十四条 monitoring devices); 90 = 地方补充. */
export const ARTICLE_TITLES: Record<number, string> = {
  3: '通用',
  4: '冶金',
  5: '有色',
  6: '建材',
  7: '机械',
  8: '轻工',
  9: '纺织',
  10: '烟草',
  11: '粉尘防爆',
  12: '涉氨制冷',
  13: '有限空间作业',
  14: '监控报警设施',
  90: '地方补充',
};

const CN_NUMBERS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 3 → 第三条, 14 → 第十四条, 90 → 地方补充. */
export function articleName(article: number): string {
  if (article === 90) return '地方补充';
  if (article <= 10) return `第${CN_NUMBERS[article]}条`;
  if (article < 20) return `第十${CN_NUMBERS[article - 10]}条`;
  return `第${article}条`;
}

/** The articles the filter offers, in order. */
export const ARTICLE_OPTIONS = Object.keys(ARTICLE_TITLES)
  .map(Number)
  .map((a) => ({ value: a, label: `${articleName(a)}${a === 90 ? '' : ` ${ARTICLE_TITLES[a]}`}` }));

export const TOPIC_LABELS: Record<string, string> = {
  general: '通用',
  sector: '行业',
  dust: '粉尘防爆',
  ammonia: '涉氨制冷',
  confined_space: '有限空间',
  monitoring: '监控报警',
  local: '地方补充',
};

/** 第十一条(八) (no space); 第十四条 has no item label. */
export function itemRef(item: { articleLabel: string | null; itemLabel: string | null }): string {
  return `${item.articleLabel ?? ''}${item.itemLabel ?? ''}`.trim();
}

/** 行业 column: the sector an item belongs to, or its topic for cross-sector items (粉尘防爆, 有限空间…). */
export function scopeLabel(item: Pick<StandardItemDto, 'sector' | 'topic'>): string {
  if (item.sector) return SECTOR_LABELS[item.sector];
  return TOPIC_LABELS[item.topic] ?? item.topic;
}

export const SECTOR_OPTIONS = (Object.entries(SECTOR_LABELS) as [Sector, string][]).map(([value, label]) => ({ value, label }));

/** Applicability conditions as stored (packages/domain/src/applicability.ts); only the shape is read here. */
type Condition = {
  all?: true;
  sectors?: readonly Sector[];
  tagsAny?: readonly string[];
  tagsAll?: readonly string[];
  and?: readonly Condition[];
  or?: readonly Condition[];
  not?: Condition;
  role?: 'risk' | 'process' | 'dust_category';
};

const quoted = (labels: readonly string[], joiner: string) => labels.map((l) => `「${l}」`).join(joiner);

function tagPhrase(role: Condition['role'], labels: string, all: boolean, negated = false): string {
  if (role === 'process') return negated ? `不具有${labels}工艺` : `${all ? '同时' : ''}具有${labels}工艺`;
  if (role === 'dust_category') return negated ? `粉尘类别不是${labels}` : `粉尘类别为${labels}`;
  return negated ? `企业未标注${labels}` : `企业${all ? '同时' : ''}标注${labels}`;
}

const compound = (c: Condition) => (c.and?.length ?? 0) > 1 || (c.or?.length ?? 0) > 1;

/**
 * The applicability condition in Chinese, e.g. 「企业标注「粉尘涉爆」且粉尘类别为「木粉尘」」 (the same wording as
 * the server's checklist reasons). Unknown shapes fall back to a neutral sentence instead of raw JSON.
 */
export function describeApplicability(value: unknown, tagNames: Readonly<Record<string, string>>): string {
  if (!value || typeof value !== 'object') return '未设置适用条件';
  const cond = value as Condition;
  const names = (codes: readonly string[]) => codes.map((c) => tagNames[c] ?? c);
  const inner = (c: Condition) => {
    const text = describeApplicability(c, tagNames);
    return compound(c) ? `（${text}）` : text;
  };
  if (cond.all) return '全部工贸企业';
  if (cond.sectors)
    return `监管行业为${quoted(
      cond.sectors.map((s) => SECTOR_LABELS[s] ?? s),
      '或',
    )}`;
  if (cond.tagsAny) return tagPhrase(cond.role, quoted(names(cond.tagsAny), '或'), false);
  if (cond.tagsAll) return tagPhrase(cond.role, quoted(names(cond.tagsAll), '、'), cond.tagsAll.length > 1);
  if (cond.and)
    return cond.and
      .filter((c) => !c.all || cond.and?.length === 1)
      .map(inner)
      .join('且');
  if (cond.or) return cond.or.map(inner).join('或');
  if (cond.not) {
    const n = cond.not;
    if (n.sectors)
      return `监管行业不是${quoted(
        n.sectors.map((s) => SECTOR_LABELS[s] ?? s),
        '、',
      )}`;
    if (n.tagsAny) return tagPhrase(n.role, quoted(names(n.tagsAny), '、'), false, true);
    return `不满足「${describeApplicability(n, tagNames)}」`;
  }
  return '未设置适用条件';
}
