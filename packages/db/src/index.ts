export * from './client.js';
export * from './migrate.js';
export * as schema from './schema/index.js';
export * from './seed/catalogs.seed.js';
export * from './seed/demo-enterprises.data.js';
export * from './seed/regions.data.js';
export * from './seed/regions.seed.js';
export * from './seed/risk-tags.data.js';
export * from './seed/sector-rules.data.js';
