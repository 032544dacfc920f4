export * from './audit.js';
export * from './catalogs.js';
export * from './enterprises.js';
export * from './hazard-loop.js';
export * from './hazard-standard.js';
export * from './regions.js';
export * from './self-inspection.js';
export * from './users.js';
