export { runNightlyClassification } from './classification.jobs.js';
export { provisionalRiskClass } from './provisional.js';
export { reclassify, recomputeClasses } from './recompute.js';
