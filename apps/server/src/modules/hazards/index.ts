export { nextActors } from './hazards.notify.js';
export { type NewHazard, upsertHazardFromFinding } from './hazards.service.js';
