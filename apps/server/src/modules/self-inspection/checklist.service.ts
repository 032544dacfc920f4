import type { ChecklistDto, Sector } from '@zhiben/contracts';
import type { Executor } from '@zhiben/db';
import { type Applicability, evaluateApplicability, explainApplicability } from '@zhiben/domain';
import { loadRiskTags } from '../catalogs/catalogs.repository.js';
import { currentVersion, type ItemRow, itemsOfVersion, toItemDto } from '../standard/standard.repository.js';

export interface EnterpriseProfile {
  id: string;
  sector: string | null;
  riskTags: string[];
}

/**
 * 一行业一清单 for one enterprise: the items of the current standard version whose applicability condition
 * holds for the enterprise's sector and tags, each with the reason it applies. Computed on read, so a change of
 * the enterprise's profile (or a newly published version) is reflected at once.
 */
export async function checklistFor(db: Executor, enterprise: EnterpriseProfile): Promise<ChecklistDto & { rows: ItemRow[] }> {
  const [version, tags] = await Promise.all([currentVersion(db), loadRiskTags(db)]);
  const tagNames = Object.fromEntries(tags.map((t) => [t.code, t.name]));
  const profile = { sector: enterprise.sector as Sector | null, tags: enterprise.riskTags };
  const rows = (await itemsOfVersion(db, version.id)).filter((item) => evaluateApplicability(item.applicability as Applicability, profile));
  return {
    enterpriseId: enterprise.id,
    version: version.version,
    versionId: version.id,
    rows,
    items: rows.map((row) => ({
      ...toItemDto(row, version.version),
      reason: explainApplicability(row.applicability as Applicability, profile, tagNames),
    })),
  };
}
