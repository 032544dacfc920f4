export * from './alarms.js';
export * from './audit.js';
export * from './auth.js';
export * from './common.js';
export * from './devices.js';
export * from './employee-reports.js';
export * from './enforcement.js';
export * from './enterprises.js';
export * from './errors.js';
export * from './hazard-machine.js';
export * from './hazards.js';
export * from './monitoring-rules.js';
export * from './notifications.js';
export * from './regions.js';
export * from './roles.js';
export * from './self-inspection.js';
export * from './users.js';

import { z } from 'zod';

// Generic zod messages (wrong type, unknown key, …) in Chinese; schemas set their own where it matters.
z.config(z.locales.zhCN());
