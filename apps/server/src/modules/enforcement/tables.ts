import { schema } from '@zhiben/db';

/** The enforcement and classification tables (packages/db/src/schema/enforcement.ts), named once for the services. */
export const {
  accidents,
  classificationHistory,
  classificationRuleSets,
  documentCounters,
  enforcementCases,
  enforcementDocuments,
  enforcementPlanEntries,
  enforcementPlans,
  enterpriseClassifications,
  inspectionFindings,
  inspectionTasks,
  officerCertificates,
  penaltyDecisions,
  rectificationOrders,
  reinspections,
  supervisionMeasures,
} = schema;
