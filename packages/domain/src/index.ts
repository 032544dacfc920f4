export * from './cell-values.js';
export * from './credit-code.js';
export * from './risk-tags.js';
export * from './sector.js';
