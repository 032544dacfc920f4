import { describe, expect, it } from 'vitest';
import {
  createCaseBody,
  createFindingBody,
  createInspectionTaskBody,
  DEFAULT_DOCUMENT_NUMBER_PREFIXES,
  documentNumberPrefixesSchema,
  ENFORCEMENT_DOCUMENT_TYPE_LABELS,
  planEntryInput,
  RISK_CLASS_COLOR_LABELS,
  RISK_CLASS_LABELS,
  RISK_CLASSES,
  reinspectionResultOf,
  savePlanBody,
} from './enforcement.js';

const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => i.message);

describe('risk classes', () => {
  it('are A..D with the Shanxi names and the red/orange/yellow/blue colours', () => {
    expect(RISK_CLASSES.map((c) => `${c}${RISK_CLASS_LABELS[c]}${RISK_CLASS_COLOR_LABELS[c]}`)).toEqual([
      'A重大风险红',
      'B较大风险橙',
      'C一般风险黄',
      'D低风险蓝',
    ]);
  });
});

describe('createInspectionTaskBody', () => {
  const task = { enterpriseId: id(1), source: 'complaint', unannounced: true, officerIds: [id(2), id(3)] };

  it('accepts an ad hoc task with two officers', () => {
    expect(createInspectionTaskBody.safeParse(task).success).toBe(true);
  });

  it('needs two different officers (行政处罚法 第四十二条)', () => {
    expect(messages(createInspectionTaskBody.safeParse({ ...task, officerIds: [id(2)] }))).toEqual(['执法检查须至少指派两名执法人员']);
    expect(messages(createInspectionTaskBody.safeParse({ ...task, officerIds: [id(2), id(2)] }))).toEqual(['执法人员不能重复']);
  });

  it('needs the plan for a planned task', () => {
    expect(messages(createInspectionTaskBody.safeParse({ ...task, source: 'plan' }))).toEqual(['计划内检查须选择年度执法计划']);
    expect(createInspectionTaskBody.safeParse({ ...task, source: 'plan', planId: id(9) }).success).toBe(true);
  });
});

describe('plan entries', () => {
  it('need one quarter per planned inspection, in order', () => {
    expect(messages(planEntryInput.safeParse({ enterpriseId: id(1), plannedCount: 2, quarters: [1] }))).toEqual([
      '安排的季度数（1）与计划次数（2）不一致',
    ]);
    expect(messages(planEntryInput.safeParse({ enterpriseId: id(1), plannedCount: 2, quarters: [3, 1] }))).toEqual([
      '季度应按先后顺序排列',
    ]);
    expect(messages(planEntryInput.safeParse({ enterpriseId: id(1), plannedCount: 1, quarters: [5] }))).toEqual(['季度应为 1–4']);
  });

  it('refuses an enterprise twice in one plan', () => {
    const entry = { enterpriseId: id(1), plannedCount: 1, quarters: [2] };
    expect(messages(savePlanBody.safeParse({ year: 2026, entries: [entry, entry] }))).toEqual(['同一企业在计划中出现多次']);
  });
});

describe('createFindingBody', () => {
  const finding = { description: '除尘器未设锁气卸灰装置', legalBasis: '《工贸企业粉尘防爆安全规定》第十三条', major: false };

  it('needs a legal basis, and a standard item for a major finding', () => {
    expect(createFindingBody.safeParse(finding).success).toBe(true);
    expect(messages(createFindingBody.safeParse({ ...finding, legalBasis: '' }))).toEqual(['请填写违法依据']);
    expect(messages(createFindingBody.safeParse({ ...finding, major: true }))).toEqual(['重大事故隐患须选择对应的判定标准条款']);
  });
});

describe('createCaseBody', () => {
  const base = {
    enterpriseId: id(1),
    facts: '逾期未消除重大事故隐患',
    legalBasis: '《中华人民共和国安全生产法》第四十一条第二款',
    enterprisePenalty: { types: ['fine'], fineFen: 3_000_000, penaltyBasis: '《中华人民共和国安全生产法》第一百零二条' },
  };

  it('accepts 一案双罚 with the principal named', () => {
    const dual = {
      ...base,
      principalPenalty: { types: ['fine'], fineFen: 2_000_000, penaltyBasis: '《安全生产法》第九十四条', principalName: '王建国' },
    };
    expect(createCaseBody.safeParse(dual).success).toBe(true);
  });

  it('keeps the fine amount and the fine type together', () => {
    const noAmount = { ...base, enterprisePenalty: { ...base.enterprisePenalty, fineFen: 0 } };
    const noType = { ...base, enterprisePenalty: { ...base.enterprisePenalty, types: ['warning'] } };
    const message = '选择罚款时须填写罚款金额；未选择罚款时金额应为 0';
    expect(messages(createCaseBody.safeParse(noAmount))).toEqual([message]);
    expect(messages(createCaseBody.safeParse(noType))).toEqual([message]);
    const principal = {
      ...base,
      principalPenalty: { types: ['warning'], fineFen: 100, penaltyBasis: '《安全生产法》第九十四条', principalName: '王建国' },
    };
    expect(messages(createCaseBody.safeParse(principal))).toEqual([message]);
  });
});

describe('document types and number prefixes', () => {
  it('has the four documents with a default prefix each', () => {
    expect(Object.values(ENFORCEMENT_DOCUMENT_TYPE_LABELS)).toEqual([
      '现场检查记录',
      '责令限期整改指令书',
      '整改复查意见书',
      '行政处罚决定书',
    ]);
    expect(documentNumberPrefixesSchema.parse(DEFAULT_DOCUMENT_NUMBER_PREFIXES)).toEqual(DEFAULT_DOCUMENT_NUMBER_PREFIXES);
  });

  it('lets the bureau change a prefix, but not to one that breaks the number', () => {
    expect(documentNumberPrefixesSchema.safeParse({ ...DEFAULT_DOCUMENT_NUMBER_PREFIXES, penalty_decision: '（上）应急罚' }).success).toBe(
      true,
    );
    for (const bad of ['上应急〔罚', '上应急罚2', '上 应急罚', ''])
      expect(documentNumberPrefixesSchema.safeParse({ ...DEFAULT_DOCUMENT_NUMBER_PREFIXES, penalty_decision: bad }).success).toBe(false);
    const { penalty_decision: _omitted, ...missing } = DEFAULT_DOCUMENT_NUMBER_PREFIXES;
    expect(documentNumberPrefixesSchema.safeParse(missing).success).toBe(false);
  });
});

describe('reinspectionResultOf', () => {
  it('passes only when every finding was rectified', () => {
    expect(reinspectionResultOf([{ rectified: true }, { rectified: true }])).toBe('passed');
    expect(reinspectionResultOf([{ rectified: true }, { rectified: false }])).toBe('failed');
    expect(reinspectionResultOf([])).toBe('failed');
  });
});
