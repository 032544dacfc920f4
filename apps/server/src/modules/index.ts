import type { FastifyInstance } from 'fastify';
import { alarmsModule } from './alarms/index.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { catalogRoutes } from './catalogs/catalogs.routes.js';
import { classificationRoutes } from './classification/classification.routes.js';
import { dashboardRoutes } from './dashboard/dashboard.routes.js';
import { deviceRoutes } from './devices/devices.routes.js';
import { employeeReportRoutes } from './employee-reports/employee-reports.routes.js';
import { enforcementRoutes } from './enforcement/enforcement.routes.js';
import { enterpriseRoutes } from './enterprises/enterprises.routes.js';
import { fileRoutes } from './files/files.routes.js';
import { hazardRoutes } from './hazards/hazards.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { notificationRoutes } from './notifications/notifications.routes.js';
import { regionRoutes } from './regions/regions.routes.js';
import { selfInspectionRoutes } from './self-inspection/self-inspection.routes.js';
import { standardRoutes } from './standard/standard.routes.js';
import { telemetryRoutes } from './telemetry/telemetry.routes.js';
import { userRoutes } from './users/users.routes.js';

/** Every module's routes, in one list so the route table (and the suites generated from it) is complete. */
export async function registerModules(app: FastifyInstance, opts: { loginRateLimit: number; filesDir: string }) {
  await app.register(healthRoutes);
  await app.register(authRoutes, opts);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(regionRoutes);
  await app.register(catalogRoutes);
  await app.register(enterpriseRoutes);
  await app.register(dashboardRoutes);
  await app.register(standardRoutes);
  await app.register(fileRoutes, { filesDir: opts.filesDir });
  await app.register(hazardRoutes);
  await app.register(selfInspectionRoutes);
  // hazard-loop routes
  await app.register(notificationRoutes); // notifications routes
  await app.register(employeeReportRoutes, { filesDir: opts.filesDir }); // employee-reports routes
  await app.register(deviceRoutes); // monitoring devices
  await app.register(telemetryRoutes); // telemetry ingestion (HTTP)
  await app.register(classificationRoutes); // 分级分类 (issue #7)
  await app.register(enforcementRoutes); // 执法: plans, tasks, orders, cases, documents (issue #7)
  await app.register(alarmsModule); // alarms (rule stage in the telemetry batch), thresholds, monitoring overview (issue #6)
}
