import { enterpriseFields, SECTORS } from '@zhiben/contracts';
import { describe, expect, it } from 'vitest';
import {
  DEMO_ACCOUNT_ENTERPRISE_CREDIT_CODE,
  DEMO_ACCOUNT_ENTERPRISE_NAME,
  DEMO_ACCOUNT_ENTERPRISE_REGION_CODE,
  demoEnterprises,
} from '../../db/src/seed/demo-enterprises.data.js';
import { JURISDICTION } from '../../db/src/seed/regions.data.js';
import { RISK_TAGS } from '../../db/src/seed/risk-tags.data.js';
import { SECTOR_RULES } from '../../db/src/seed/sector-rules.data.js';
import { checkCreditCode, withCheckChar } from './credit-code.js';
import { validateRiskTags } from './risk-tags.js';
import { deriveSector, normalizeIndustryCode } from './sector.js';

const all = demoEnterprises();
const withTag = (code: string) => all.filter((e) => e.riskTags.includes(code));

describe('demo enterprises', () => {
  it('are deterministic', () => {
    expect(demoEnterprises()).toEqual(all);
  });

  it('number at least 140', () => {
    expect(all.length).toBeGreaterThanOrEqual(140);
  });

  it('start with the demo accounts’ enterprise', () => {
    const first = all[0];
    expect(first).toMatchObject({
      name: '长治市上党区鑫源木业有限公司',
      creditCode: withCheckChar('91140404MA0DEM1X2'),
      regionCode: '140404001',
      status: 'operating',
    });
    expect(first?.name).toBe(DEMO_ACCOUNT_ENTERPRISE_NAME);
    expect(first?.creditCode).toBe(DEMO_ACCOUNT_ENTERPRISE_CREDIT_CODE);
    expect(first?.regionCode).toBe(DEMO_ACCOUNT_ENTERPRISE_REGION_CODE);
    expect(first?.riskTags).toEqual(expect.arrayContaining(['dust_explosion', 'dust_wood']));
    expect(first?.dustWorkers).toBeGreaterThanOrEqual(35);
    expect(first?.dustWorkers).toBeLessThanOrEqual(45);
    expect(deriveSector(first?.industryCode ?? '', SECTOR_RULES)).toBe('light_industry');
    expect(first?.industryCode.startsWith('20')).toBe(true);
  });

  it('have unique names and unique, valid credit codes', () => {
    expect(new Set(all.map((e) => e.name)).size).toBe(all.length);
    expect(new Set(all.map((e) => e.creditCode)).size).toBe(all.length);
    for (const e of all) {
      expect(checkCreditCode(e.creditCode), e.name).toEqual({ ok: true, code: e.creditCode });
      expect(e.creditCode.slice(0, 2), e.name).toBe('91');
    }
    const local = all.filter((e) => e.creditCode.slice(2, 8) === '140404').length;
    expect(local / all.length).toBeGreaterThan(0.6);
  });

  it('pass the contracts schema for enterprise fields', () => {
    for (const { regionCode: _, creditCode: __, ...fields } of all) {
      const parsed = enterpriseFields.safeParse({
        ...fields,
        creditCode: 'x',
        regionId: '0190a5b0-0000-7000-8000-000000000000',
      });
      expect(parsed.success, `${fields.name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it('use every region of the jurisdiction, and only those', () => {
    const codes = new Set((JURISDICTION.children ?? []).map((r) => r.code));
    expect(codes.size).toBe(12);
    const used = new Set(all.map((e) => e.regionCode));
    expect(used).toEqual(codes);
  });

  it('reach every sector through the sector rules, and none is unclassified', () => {
    const reached = new Set(all.map((e) => deriveSector(e.industryCode, SECTOR_RULES)));
    expect(reached.has(null)).toBe(false);
    for (const sector of SECTORS) expect(reached.has(sector), sector).toBe(true);
    for (const e of all) expect(normalizeIndustryCode(e.industryCode), e.name).toBe(e.industryCode);
  });

  it('carry valid tag combinations', () => {
    for (const e of all) expect(validateRiskTags(e.riskTags, RISK_TAGS), e.name).toEqual([]);
  });

  it('use every tag of the catalog at least once', () => {
    for (const tag of RISK_TAGS) expect(withTag(tag.code).length, tag.code).toBeGreaterThan(0);
  });

  it('have dust workers exactly when they carry dust_explosion, never more than the staff', () => {
    for (const e of all) {
      if (e.riskTags.includes('dust_explosion')) expect(e.dustWorkers, e.name).toBeGreaterThan(0);
      else expect(e.dustWorkers, e.name).toBe(0);
      expect(e.dustWorkers, e.name).toBeLessThan(e.employees);
    }
  });

  it('cover the dust-worker bands of the monitoring roll-out', () => {
    const wood = withTag('dust_wood');
    expect(wood.filter((e) => e.dustWorkers >= 30).length).toBeGreaterThanOrEqual(5);
    expect(wood.filter((e) => e.dustWorkers >= 10 && e.dustWorkers < 30).length).toBeGreaterThanOrEqual(3);
    expect(wood.filter((e) => e.dustWorkers < 10).length).toBeGreaterThanOrEqual(3);
    for (const e of wood) expect(deriveSector(e.industryCode, SECTOR_RULES), e.name).toBe('light_industry');
    expect(withTag('dust_metal').length).toBeGreaterThanOrEqual(3);
  });

  it('tie the special process tags to plausible industries', () => {
    const industries = (tag: string) => withTag(tag).map((e) => e.industryCode);
    expect(industries('aluminium_deep_well_casting').every((c) => c.startsWith('32'))).toBe(true);
    expect(industries('carbide_slag_cement').every((c) => c === '3011')).toBe(true);
    expect(industries('liquid_chlorine_paper').every((c) => c.startsWith('22'))).toBe(true);
    expect(industries('expanded_tobacco_co2').every((c) => c.startsWith('16'))).toBe(true);
    expect(industries('blast_furnace').every((c) => c === '3110')).toBe(true);
    expect(all.filter((e) => e.industryCode === '3011').length).toBeGreaterThanOrEqual(2);
    expect(all.some((e) => e.industryCode.startsWith('22'))).toBe(true);
    const foundries = withTag('molten_metal_lifting').filter((e) => e.industryCode.startsWith('339'));
    expect(foundries.length).toBeGreaterThanOrEqual(3);
    for (const f of foundries) expect(f.riskTags).toContain('metal_smelting');
    const cold = withTag('ammonia_refrigeration').map((e) => deriveSector(e.industryCode, SECTOR_RULES));
    expect(cold).toContain('commerce');
  });

  it('have plausible people, phones, places and standardisation data', () => {
    for (const e of all) {
      for (const phone of [e.principalPhone, e.safetyManagerPhone]) expect(phone, e.name).toMatch(/^1[358]\d{9}$/);
      expect(e.principalName).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      expect(e.safetyManagerName).not.toBe(e.principalName);
      expect(e.address).toMatch(/^山西省长治市上党区/);
      const region = (JURISDICTION.children ?? []).find((r) => r.code === e.regionCode);
      expect(e.address, e.name).toContain(region?.name);
      expect(e.longitude).toBeGreaterThanOrEqual(113.05);
      expect(e.longitude).toBeLessThanOrEqual(113.25);
      expect(e.latitude).toBeGreaterThanOrEqual(35.95);
      expect(e.latitude).toBeLessThanOrEqual(36.15);
      if (e.standardizationLevel === 'none') expect(e.standardizationExpiry).toBeNull();
      else expect(e.standardizationExpiry).toMatch(/^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d)$/);
      expect(e.employees).toBeGreaterThan(0);
      if (e.scale === 'above') expect(e.employees).toBeGreaterThanOrEqual(60);
    }
  });

  it('mix statuses, levels and flags', () => {
    const count = <K extends keyof (typeof all)[number]>(key: K, value: (typeof all)[number][K]) =>
      all.filter((e) => e[key] === value).length;
    expect(count('status', 'operating') / all.length).toBeGreaterThan(0.85);
    for (const status of ['suspended', 'preparing', 'closed'] as const) expect(count('status', status), status).toBeGreaterThan(0);
    expect(count('standardizationLevel', 'level1')).toBeGreaterThanOrEqual(1);
    expect(count('standardizationLevel', 'level1')).toBeLessThanOrEqual(2);
    expect(count('standardizationLevel', 'level2')).toBeGreaterThan(3);
    expect(count('standardizationLevel', 'level3')).toBeGreaterThan(count('standardizationLevel', 'level2'));
    expect(count('standardizationLevel', 'none')).toBeGreaterThan(20);
    for (const flag of ['stateOwned', 'labourIntensive', 'factoryInFactory'] as const) {
      expect(count(flag, true), flag).toBeGreaterThan(0);
      expect(count(flag, false), flag).toBeGreaterThan(all.length / 2);
    }
  });
});
