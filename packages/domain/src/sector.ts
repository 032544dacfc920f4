import { SECTORS, type Sector } from '@zhiben/contracts';

/**
 * 监管行业 (sector) from the 国民经济行业分类 code (GB/T 4754-2017), per the classification standard
 * 应急厅〔2019〕17号 (regulations.md §6). The mapping is data (packages/db/src/seed/sector-rules.data.ts): each rule
 * maps a code prefix (大类 2 digits, 中类 3, 小类 4) to a sector, or to `null` for a code carved out of a sector
 * without a known destination. The longest matching prefix wins, so exclusions are longer rules.
 */
export interface SectorRule {
  /** 2–4 digits of a GB/T 4754-2017 code, without the 门类 letter. */
  prefix: string;
  /** The sector, or `null` = excluded (no sector; the bureau can set an override). */
  sector: Sector | null;
  /** Document and article the rule rests on. */
  source: string;
  /** `false` = general knowledge, to be checked against the official text before it is relied on. */
  verified: boolean;
  note?: string;
}

export interface SectorRuleSet {
  /** Changes whenever a rule changes; stored with each derived sector so a result can be traced to its rules. */
  version: string;
  title: string;
  rules: readonly SectorRule[];
}

/**
 * GB/T 4754-2017 门类 letters by the first 大类 of each section. 大类 run 01–97 without gaps, so every two-digit
 * number in that range belongs to exactly one section.
 */
const SECTIONS: readonly (readonly [letter: string, first: number])[] = [
  ['A', 1],
  ['B', 6],
  ['C', 13],
  ['D', 44],
  ['E', 47],
  ['F', 51],
  ['G', 53],
  ['H', 61],
  ['I', 63],
  ['J', 66],
  ['K', 70],
  ['L', 71],
  ['M', 73],
  ['N', 76],
  ['O', 80],
  ['P', 83],
  ['Q', 84],
  ['R', 86],
  ['S', 91],
  ['T', 97],
];

/** The 门类 letter of a normalised code ('2021' → 'C'), or null when the 大类 is outside 01–97. */
export function industrySection(code: string): string | null {
  const major = Number(code.slice(0, 2));
  if (!/^\d{2}/.test(code) || major < 1 || major > 97) return null;
  let letter: string | null = null;
  for (const [l, first] of SECTIONS) if (major >= first) letter = l;
  return letter;
}

/**
 * Normalises an industry code as officials type it: 'C2021', 'c 2021', '２０２１', 'Ｃ２０２１', ' 20 ', 2021 →
 * the digits only ('2021', '20'). Returns null when it is not 2–4 digits with an optional 门类 letter, when the
 * 大类 does not exist (00, 98, 99), or when the letter contradicts the digits ('F2021': 20 is in 门类 C).
 * A number is taken as written: Excel drops leading zeros, so 511 is read as 中类 511, never as 0511.
 */
export function normalizeIndustryCode(raw: string | number): string | null {
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || raw < 0) return null;
    text = String(raw);
  } else {
    text = raw
      .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/[\s\u3000\u200b-\u200d\u2060\ufeff]/g, '')
      .toUpperCase();
  }
  const m = /^([A-T])?(\d{2,4})$/.exec(text);
  const digits = m?.[2];
  if (!m || digits === undefined) return null;
  const section = industrySection(digits);
  if (section === null) return null;
  if (m[1] !== undefined && m[1] !== section) return null;
  return digits;
}

export type SectorMatch =
  /** The code could not be read (see normalizeIndustryCode). */
  | { kind: 'invalid' }
  /** No rule covers the code: not a 工贸 sector under the rule set (e.g. 26 化学原料). */
  | { kind: 'none'; code: string }
  /**
   * The code is too coarse to decide: '30' or '307' could be 建筑陶瓷 (建材) or 日用陶瓷 (轻工). `candidates` are
   * the rules it could fall under.
   */
  | { kind: 'ambiguous'; code: string; candidates: SectorRule[] }
  | { kind: 'matched'; code: string; rule: SectorRule };

/**
 * The rule that decides a code, with longest-prefix-wins semantics. A code shorter than 4 digits is `ambiguous`
 * when a more specific rule under it leads to a different result than the matching rule, because the enterprise
 * may be in that narrower class.
 */
export function matchSectorRule(industryCode: string | number, rules: readonly SectorRule[]): SectorMatch {
  const code = normalizeIndustryCode(industryCode);
  if (code === null) return { kind: 'invalid' };
  let best: SectorRule | undefined;
  for (const rule of rules) {
    if (code.startsWith(rule.prefix) && (best === undefined || rule.prefix.length > best.prefix.length)) best = rule;
  }
  // Rules strictly below the code: 建材 '30' has '305' and '3073'… beneath it.
  const narrower = rules.filter((r) => r.prefix.length > code.length && r.prefix.startsWith(code));
  const outcomes = new Set<Sector | null | undefined>([best?.sector, ...narrower.map((r) => r.sector)]);
  // An uncovered sub-range (no rule at all) counts as its own outcome when there is a covering rule or vice versa.
  if (outcomes.size > 1) {
    return { kind: 'ambiguous', code, candidates: [...(best ? [best] : []), ...narrower] };
  }
  if (best === undefined) return { kind: 'none', code };
  return { kind: 'matched', code, rule: best };
}

/** The sector of an industry code, or null (unreadable, not covered, excluded, or too coarse to decide). */
export function deriveSector(industryCode: string | number, rules: readonly SectorRule[]): Sector | null {
  const match = matchSectorRule(industryCode, rules);
  return match.kind === 'matched' ? match.rule.sector : null;
}

/**
 * Problems in a rule set, in Chinese (for the screen where officials amend the rules — 动态调整):
 * malformed prefixes, duplicate prefixes, unknown sectors, missing sources, and rules that change nothing
 * (same result as the rule they refine).
 */
export function validateSectorRules(rules: readonly SectorRule[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const wellFormed: SectorRule[] = [];
  for (const rule of rules) {
    const label = `规则「${rule.prefix}」`;
    if (!/^\d{2,4}$/.test(rule.prefix) || industrySection(rule.prefix) === null) {
      problems.push(`${label}：行业代码前缀应为 01–97 开头的 2–4 位数字`);
      continue;
    }
    wellFormed.push(rule);
    if (seen.has(rule.prefix)) problems.push(`${label}：前缀重复`);
    seen.add(rule.prefix);
    if (rule.sector !== null && !(SECTORS as readonly string[]).includes(rule.sector)) {
      problems.push(`${label}：未知的监管行业「${String(rule.sector)}」`);
    }
    if (rule.source.trim() === '') problems.push(`${label}：未注明依据`);
  }
  for (const rule of wellFormed) {
    let parent: SectorRule | undefined;
    for (const other of wellFormed) {
      if (other.prefix.length < rule.prefix.length && rule.prefix.startsWith(other.prefix)) {
        if (parent === undefined || other.prefix.length > parent.prefix.length) parent = other;
      }
    }
    // Same result and same standing as the rule it refines: it changes nothing.
    if (parent !== undefined && parent.sector === rule.sector && parent.verified === rule.verified) {
      problems.push(`规则「${rule.prefix}」与上级规则「${parent.prefix}」结果相同，属于多余规则`);
    }
  }
  return problems;
}
