import type { Sample, Tenant, World } from '../route-samples.js';

/** Route samples and entity factories of the employee-reports module (merged into SAMPLES / ENTITY_FACTORIES). */
export const EMPLOYEE_REPORTS_SAMPLES: Record<string, Sample> = {};
export const EMPLOYEE_REPORTS_FACTORIES: Record<string, (world: World, tenant: Tenant) => Promise<string>> = {};
