import type {
  ClassificationDto,
  ClassificationExplanationItem,
  ClassificationHistoryItem,
  ClassificationTrigger,
  RiskClass,
} from '@zhiben/contracts';
import type { classificationHistory, enterpriseClassifications } from '../enforcement/tables.js';

type StoredRow = typeof enterpriseClassifications.$inferSelect;
type HistoryRow = typeof classificationHistory.$inferSelect;

export function toHistoryItem(row: HistoryRow): ClassificationHistoryItem {
  return {
    riskClass: row.riskClass as RiskClass,
    previousClass: row.previousClass as RiskClass | null,
    computedClass: row.computedClass as RiskClass,
    trigger: row.trigger as ClassificationTrigger,
    explanation: row.explanation as ClassificationExplanationItem[],
    ruleSetVersion: row.ruleSetVersion,
    reason: row.reason,
    actorName: row.actorName,
    at: row.at.toISOString(),
  };
}

export function toClassificationDto(row: StoredRow, history: HistoryRow[]): ClassificationDto {
  return {
    enterpriseId: row.enterpriseId,
    riskClass: row.riskClass as RiskClass,
    computedClass: row.computedClass as RiskClass,
    startClass: row.startClass as RiskClass,
    clamped: row.clamped,
    override:
      row.overrideClass && row.overrideAt
        ? {
            riskClass: row.overrideClass as RiskClass,
            reason: row.overrideReason ?? '',
            byName: row.overrideByName,
            at: row.overrideAt.toISOString(),
          }
        : null,
    majorHazardInstallation: row.majorHazardInstallation,
    explanation: row.explanation as ClassificationExplanationItem[],
    ruleSetVersion: row.ruleSetVersion,
    computedAt: row.computedAt.toISOString(),
    history: history.map(toHistoryItem),
  };
}
