export { type NewHazard, upsertHazardFromFinding } from './hazards.service.js';
