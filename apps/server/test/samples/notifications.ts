import type { Sample, Tenant, World } from '../route-samples.js';

/** Route samples and entity factories of the notifications module (merged into SAMPLES / ENTITY_FACTORIES). */
export const NOTIFICATIONS_SAMPLES: Record<string, Sample> = {};
export const NOTIFICATIONS_FACTORIES: Record<string, (world: World, tenant: Tenant) => Promise<string>> = {};
