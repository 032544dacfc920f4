export * from './client.js';
export * from './migrate.js';
export * as schema from './schema/index.js';
export * from './seed/regions.data.js';
export * from './seed/regions.seed.js';
