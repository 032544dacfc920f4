import type { RiskClass, StandardizationLevel } from '@zhiben/contracts';
import { classifyEnterprise, DEFAULT_CLASSIFICATION_RULES, effectiveStandardizationLevel } from '@zhiben/domain';

/**
 * The class shown for an enterprise the classification has not reached yet (registered since the last run): its
 * profile alone under the platform's default rules — starting class from the risk tags, moved by the
 * standardization level — with no live facts. The next nightly or on-demand run replaces it with the real class.
 */
export function provisionalRiskClass(
  enterprise: { riskTags: string[]; standardizationLevel: string; standardizationExpiry: string | null },
  now: Date = new Date(),
): RiskClass {
  const level = effectiveStandardizationLevel(
    enterprise.standardizationLevel as StandardizationLevel,
    enterprise.standardizationExpiry,
    now,
  );
  return classifyEnterprise(
    {
      riskTags: enterprise.riskTags,
      majorHazardInstallation: false,
      standardizationLevel: level,
      openMajorHazards: 0,
      overdueMajorHazards: 0,
      majorHazardsFound: 0,
      redAlarms: 0,
      penalties: 0,
      accidents: 0,
      monitoringRequired: false,
      monitoringConnected: false,
    },
    DEFAULT_CLASSIFICATION_RULES,
  ).riskClass;
}
