import { type CreateEnterpriseBody, type FieldIssue, type RiskTagDto, SECTOR_LABELS, type Sector } from '@zhiben/contracts';
import type { Executor } from '@zhiben/db';
import { schema } from '@zhiben/db';
import { checkCreditCode, deriveSector, normalizeIndustryCode, validateRiskTags } from '@zhiben/domain';
import { loadRiskTags, loadSectorRules, type SectorRule } from '../catalogs/catalogs.repository.js';

/** What the registry's rules need to judge a record: tag catalog, sector rules, regions. Loaded once per request. */
export interface RegistryCatalogs {
  tags: RiskTagDto[];
  sectorRules: SectorRule[];
  sectorRulesVersion: string;
  regions: Map<string, { id: string; name: string; path: string; kind: string }>;
}

export async function loadCatalogs(db: Executor): Promise<RegistryCatalogs> {
  const [tags, rules, regionRows] = await Promise.all([loadRiskTags(db), loadSectorRules(db), db.select().from(schema.regions)]);
  return {
    tags,
    sectorRules: rules.rules,
    sectorRulesVersion: rules.version,
    regions: new Map(regionRows.map((r) => [r.id, { id: r.id, name: r.name, path: r.path, kind: r.kind }])),
  };
}

export type EnterpriseValues = Omit<typeof schema.enterprises.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'sector'>;

export type Prepared = { ok: true; values: EnterpriseValues } | { ok: false; issues: FieldIssue[] };

const issue = (field: string, message: string): FieldIssue => ({ path: ['body', field], message });

/**
 * Turns a validated form/import record into stored values, applying the registry's rules: credit-code check
 * (GB 32100-2015), sector derivation from the industry code (应急厅〔2019〕17号, rules as data) with an
 * optional bureau override that needs a reason, region must be a township-level node, tags per catalog.
 */
export function prepareEnterprise(input: CreateEnterpriseBody, catalogs: RegistryCatalogs): Prepared {
  const issues: FieldIssue[] = [];
  const credit = checkCreditCode(input.creditCode);
  if (!credit.ok) issues.push(issue('creditCode', credit.message));

  const industryCode = normalizeIndustryCode(input.industryCode) ?? input.industryCode;
  const derivedSector = deriveSector(industryCode, catalogs.sectorRules);
  let sectorOverride: Sector | null = input.sectorOverride ?? null;
  if (sectorOverride === derivedSector) sectorOverride = null; // agreeing with the rule is no override
  const sectorOverrideReason = sectorOverride ? (input.sectorOverrideReason?.trim() ?? '') : null;
  if (sectorOverride && (sectorOverrideReason ?? '').length < 2) {
    issues.push(issue('sectorOverrideReason', `指定监管行业为「${SECTOR_LABELS[sectorOverride]}」须填写理由`));
  }
  if (!derivedSector && !sectorOverride) {
    issues.push(
      issue(
        'industryCode',
        `行业代码 ${industryCode} 不在工贸行业监管分类（应急厅〔2019〕17号）范围内；如确属工贸企业，请区局指定监管行业并说明理由`,
      ),
    );
  }

  const region = catalogs.regions.get(input.regionId);
  if (!region) issues.push(issue('regionId', '所属乡镇（街道、园区）不存在'));
  else if (region.kind === 'district') issues.push(issue('regionId', '请选择具体的乡镇（街道）或园区'));

  // Duplicates are harmless in a form post; they are folded below.
  const tagProblems = validateRiskTags([...new Set(input.riskTags)], catalogs.tags);
  for (const problem of tagProblems) issues.push(issue('riskTags', problem.message));

  if (input.dustWorkers > input.employees) issues.push(issue('dustWorkers', '涉粉作业人数不能多于从业人数'));
  if (input.standardizationLevel === 'none' && input.standardizationExpiry) {
    issues.push(issue('standardizationExpiry', '未定级企业不填写标准化有效期'));
  }
  if ((input.longitude == null) !== (input.latitude == null)) issues.push(issue('longitude', '经度和纬度须同时填写'));

  if (issues.length > 0 || !region) return { ok: false, issues };
  const order = new Map(catalogs.tags.map((t, i) => [t.code, i]));
  return {
    ok: true,
    values: {
      name: input.name,
      creditCode: credit.code,
      industryCode,
      derivedSector,
      sectorOverride,
      sectorOverrideReason,
      regionId: region.id,
      regionPath: region.path,
      address: input.address ?? null,
      scale: input.scale,
      employees: input.employees,
      dustWorkers: input.dustWorkers,
      principalName: input.principalName ?? null,
      principalPhone: input.principalPhone ?? null,
      safetyManagerName: input.safetyManagerName ?? null,
      safetyManagerPhone: input.safetyManagerPhone ?? null,
      status: input.status,
      standardizationLevel: input.standardizationLevel,
      standardizationExpiry: input.standardizationExpiry ?? null,
      stateOwned: input.stateOwned,
      labourIntensive: input.labourIntensive,
      factoryInFactory: input.factoryInFactory,
      longitude: input.longitude ?? null,
      latitude: input.latitude ?? null,
      riskTags: [...new Set(input.riskTags)].sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999)),
    },
  };
}

/** Stored fields that differ between two value sets (for audit and the import preview). */
export function changedFields(before: EnterpriseValues, after: EnterpriseValues): (keyof EnterpriseValues)[] {
  return (Object.keys(after) as (keyof EnterpriseValues)[]).filter(
    (key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null),
  );
}
