export { runEnforcementDeadlineSweep } from './deadlines.jobs.js';
export { type EnforcementJobsOptions, startEnforcementJobs } from './enforcement.jobs.js';
export { enforcementRoutes } from './enforcement.routes.js';
export { enforcementTodos } from './enforcement.todos.js';
