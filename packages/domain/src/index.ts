export * from './applicability.js';
export * from './calendar.js';
export * from './cell-values.js';
export * from './credit-code.js';
export * from './quarter.js';
export * from './risk-tags.js';
export * from './sector.js';
