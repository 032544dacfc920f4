export * from './audit.js';
export * from './catalogs.js';
export * from './enterprises.js';
export * from './regions.js';
export * from './users.js';
