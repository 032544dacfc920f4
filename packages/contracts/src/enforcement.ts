/**
 * Graded and classified supervision (分级分类监管) and the enforcement it drives (issue #7): risk classes with
 * their explanation, the annual enforcement plan, inspection tasks, findings, orders (责令限期整改), re-inspection,
 * cases and penalties (一案双罚), 通报/约谈/曝光 records and the numbered enforcement documents.
 * The pure rules (classification engine, inspection caps, plan draft, document numbers) are in
 * packages/domain/src/enforcement/.
 */

export * from './enforcement/cases.js';
export * from './enforcement/classification.js';
export * from './enforcement/classification-api.js';
export * from './enforcement/documents.js';
export * from './enforcement/plans.js';
export * from './enforcement/stats.js';
export * from './enforcement/tasks.js';
