import type { Sample, Tenant, World } from '../route-samples.js';

/** Route samples and entity factories of the hazard-loop module (merged into SAMPLES / ENTITY_FACTORIES). */
export const HAZARD_LOOP_SAMPLES: Record<string, Sample> = {};
export const HAZARD_LOOP_FACTORIES: Record<string, (world: World, tenant: Tenant) => Promise<string>> = {};
