import {
  type DbHandle,
  ESCALATION_RULES,
  HAZARD_STANDARD_2023,
  RISK_TAGS,
  runMigrations,
  SECTOR_RULE_SET,
  seedCatalogs,
  seedEscalationRules,
  seedHazardStandard,
  seedRegions,
} from '@zhiben/db';

/** What every test database holds before a test adds its own tenants: the schema and the reference data. */
export async function prepareTestDb(handle: DbHandle): Promise<void> {
  await runMigrations(handle);
  await seedRegions(handle.db);
  await seedCatalogs(handle.db, { tags: RISK_TAGS, sectorRuleSet: SECTOR_RULE_SET });
  await seedHazardStandard(handle.db, HAZARD_STANDARD_2023);
  await seedEscalationRules(handle.db, ESCALATION_RULES);
}
