import type { ComponentType } from 'react';
import { Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import type { Access } from './access';
import { NotFoundPage } from './ErrorPages';
import { FullPageSpin } from './FullPageSpin';
import { lazyPage } from './lazyPage';
import { PAGE_ACCESS } from './pageAccess';
import { RequireAccess } from './RequireAccess';
import { RequireAuth } from './RequireAuth';
import { RouteError } from './RouteError';

// Every page is its own chunk; the login page loads neither the layout nor any list page.
const LoginPage = lazyPage(() => import('../modules/auth/LoginPage'), 'LoginPage');
const ChangePasswordPage = lazyPage(() => import('../modules/auth/ChangePasswordPage'), 'ChangePasswordPage');
const AppLayout = lazyPage(() => import('./AppLayout'), 'AppLayout');
const HomePage = lazyPage(() => import('../modules/home/HomePage'), 'HomePage');
const EnterpriseListPage = lazyPage(() => import('../modules/enterprises/EnterpriseListPage'), 'EnterpriseListPage');
const EnterpriseDetailPage = lazyPage(() => import('../modules/enterprises/EnterpriseDetailPage'), 'EnterpriseDetailPage');
const MyEnterprisePage = lazyPage(() => import('../modules/enterprises/MyEnterprisePage'), 'MyEnterprisePage');
const UsersPage = lazyPage(() => import('../modules/users/UsersPage'), 'UsersPage');
const RegionsPage = lazyPage(() => import('../modules/regions/RegionsPage'), 'RegionsPage');
const AuditPage = lazyPage(() => import('../modules/audit/AuditPage'), 'AuditPage');
const StandardLibraryPage = lazyPage(() => import('../modules/standard/StandardLibraryPage'), 'StandardLibraryPage');
const ChecklistPage = lazyPage(() => import('../modules/self-inspection/ChecklistPage'), 'ChecklistPage');
const InspectionListPage = lazyPage(() => import('../modules/self-inspection/InspectionListPage'), 'InspectionListPage');
const InspectionPage = lazyPage(() => import('../modules/self-inspection/InspectionPage'), 'InspectionPage');
const SelfInspectionStatsPage = lazyPage(() => import('../modules/self-inspection/SelfInspectionStatsPage'), 'SelfInspectionStatsPage');
const PrincipalCompliancePage = lazyPage(() => import('../modules/self-inspection/PrincipalCompliancePage'), 'PrincipalCompliancePage');
const HazardListPage = lazyPage(() => import('../modules/hazards/HazardListPage'), 'HazardListPage');
const HazardDetailPage = lazyPage(() => import('../modules/hazards/HazardDetailPage'), 'HazardDetailPage');
const ZeroingPage = lazyPage(() => import('../modules/zeroing/ZeroingPage'), 'ZeroingPage');
const SupervisionPage = lazyPage(() => import('../modules/zeroing/SupervisionPage'), 'SupervisionPage');
const NotificationsPage = lazyPage(() => import('../modules/notifications/NotificationsPage'), 'NotificationsPage');
const TodosPage = lazyPage(() => import('../modules/notifications/TodosPage'), 'TodosPage');
const ChannelsPage = lazyPage(() => import('../modules/notifications/ChannelsPage'), 'ChannelsPage');
const PublicHazardsPage = lazyPage(() => import('../public/PublicHazardsPage'), 'PublicHazardsPage');
const ReportPage = lazyPage(() => import('../public/ReportPage'), 'ReportPage');
const ReceiptPage = lazyPage(() => import('../public/ReceiptPage'), 'ReceiptPage');
const EmployeeReportsPage = lazyPage(() => import('../modules/employee-reports/EmployeeReportsPage'), 'EmployeeReportsPage');
const EmployeeReportRedirect = lazyPage(() => import('../modules/employee-reports/EmployeeReportRedirect'), 'EmployeeReportRedirect');
const MonitoringOverviewPage = lazyPage(() => import('../modules/monitoring/MonitoringOverviewPage'), 'MonitoringOverviewPage');
const AlarmListPage = lazyPage(() => import('../modules/monitoring/AlarmListPage'), 'AlarmListPage');
const AlarmDetailPage = lazyPage(() => import('../modules/monitoring/AlarmDetailPage'), 'AlarmDetailPage');
const DeviceListPage = lazyPage(() => import('../modules/monitoring/DeviceListPage'), 'DeviceListPage');
const DeviceDetailPage = lazyPage(() => import('../modules/monitoring/DeviceDetailPage'), 'DeviceDetailPage');
const RolloutPage = lazyPage(() => import('../modules/monitoring/RolloutPage'), 'RolloutPage');
const BureauLimitsPage = lazyPage(() => import('../modules/monitoring/BureauLimitsPage'), 'BureauLimitsPage');
const TaskListPage = lazyPage(() => import('../modules/enforcement/TaskListPage'), 'TaskListPage');
const TaskDetailPage = lazyPage(() => import('../modules/enforcement/TaskDetailPage'), 'TaskDetailPage');
const CaseListPage = lazyPage(() => import('../modules/enforcement/CaseListPage'), 'CaseListPage');
const CaseDetailPage = lazyPage(() => import('../modules/enforcement/CaseDetailPage'), 'CaseDetailPage');
const MeasuresPage = lazyPage(() => import('../modules/enforcement/MeasuresPage'), 'MeasuresPage');
const PatrolPage = lazyPage(() => import('../modules/enforcement/PatrolPage'), 'PatrolPage');
const EnterpriseCasesPage = lazyPage(() => import('../modules/enforcement/EnterpriseCasesPage'), 'EnterpriseCasesPage');
const PlanListPage = lazyPage(() => import('../modules/enforcement/PlanPages'), 'PlanListPage');
const PlanDetailPage = lazyPage(() => import('../modules/enforcement/PlanPages'), 'PlanDetailPage');
const EnforcementStatsPage = lazyPage(() => import('../modules/enforcement/EnforcementStatsPage'), 'EnforcementStatsPage');
const DocumentSettingsPage = lazyPage(() => import('../modules/enforcement/DocumentSettingsPage'), 'DocumentSettingsPage');
const ClassificationRulesPage = lazyPage(() => import('../modules/classification/ClassificationRulesPage'), 'ClassificationRulesPage');
const ClassificationAccidentsPage = lazyPage(
  () => import('../modules/classification/ClassificationAccidentsPage'),
  'ClassificationAccidentsPage',
);
const ClassificationOverviewPage = lazyPage(
  () => import('../modules/classification/ClassificationOverviewPage'),
  'ClassificationOverviewPage',
);
const ClassificationEnterprisePage = lazyPage(
  () => import('../modules/classification/ClassificationEnterprisePage'),
  'ClassificationEnterprisePage',
);

function page(access: Access, Page: ComponentType) {
  return (
    <RequireAccess access={access}>
      <Page />
    </RequireAccess>
  );
}

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        path: '/login',
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <LoginPage />
          </Suspense>
        ),
      },
      // 隐患随手拍: the QR report page and its receipts, for anyone — no login, no app layout.
      ...['/r/receipt', '/r/receipt/:code'].map((path) => ({
        path,
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <ReceiptPage />
          </Suspense>
        ),
      })),
      {
        path: '/r/:token',
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <ReportPage />
          </Suspense>
        ),
      },
      // 重大事故隐患挂牌督办公示: public, no login.
      {
        path: '/public/hazards',
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <PublicHazardsPage />
          </Suspense>
        ),
      },
      {
        path: '/change-password',
        element: (
          <RequireAuth passwordChangePage>
            <Suspense fallback={<FullPageSpin />}>
              <ChangePasswordPage />
            </Suspense>
          </RequireAuth>
        ),
      },
      {
        path: '/',
        element: (
          <RequireAuth>
            <Suspense fallback={<FullPageSpin />}>
              <AppLayout />
            </Suspense>
          </RequireAuth>
        ),
        children: [
          { index: true, element: page(PAGE_ACCESS.home, HomePage) },
          { path: 'enterprises', element: page(PAGE_ACCESS.enterprises, EnterpriseListPage) },
          { path: 'enterprises/:id', element: page(PAGE_ACCESS.enterprises, EnterpriseDetailPage) },
          { path: 'my/enterprise', element: page(PAGE_ACCESS.myEnterprise, MyEnterprisePage) },
          { path: 'admin/users', element: page(PAGE_ACCESS.adminUsers, UsersPage) },
          { path: 'my/users', element: page(PAGE_ACCESS.myUsers, UsersPage) },
          { path: 'admin/regions', element: page(PAGE_ACCESS.regions, RegionsPage) },
          { path: 'admin/audit', element: page(PAGE_ACCESS.audit, AuditPage) },
          { path: 'admin/standard', element: page(PAGE_ACCESS.standard, StandardLibraryPage) },
          { path: 'self-inspection', element: page(PAGE_ACCESS.inspections, InspectionListPage) },
          { path: 'self-inspection/checklist', element: page(PAGE_ACCESS.checklist, ChecklistPage) },
          { path: 'self-inspection/stats', element: page(PAGE_ACCESS.inspectionStats, SelfInspectionStatsPage) },
          { path: 'self-inspection/principal-compliance', element: page(PAGE_ACCESS.principalCompliance, PrincipalCompliancePage) },
          { path: 'self-inspection/:id', element: page(PAGE_ACCESS.inspections, InspectionPage) },
          { path: 'hazards', element: page(PAGE_ACCESS.hazards, HazardListPage) },
          { path: 'hazards/:id', element: page(PAGE_ACCESS.hazards, HazardDetailPage) },
          // Static segments outrank /hazards/:id in react-router's ranking, whatever the order here.
          { path: 'hazards/zeroing', element: page(PAGE_ACCESS.zeroing, ZeroingPage) },
          { path: 'hazards/supervision', element: page(PAGE_ACCESS.supervision, SupervisionPage) },
          { path: 'notifications', element: page(PAGE_ACCESS.notifications, NotificationsPage) },
          { path: 'todos', element: page(PAGE_ACCESS.todos, TodosPage) },
          { path: 'admin/channels', element: page(PAGE_ACCESS.channels, ChannelsPage) },
          { path: 'my/reports', element: page(PAGE_ACCESS.myReports, EmployeeReportsPage) },
          { path: 'reports', element: page(PAGE_ACCESS.reports, EmployeeReportsPage) },
          { path: 'employee-reports/:id', element: page(PAGE_ACCESS.reportLink, EmployeeReportRedirect) },
          { path: 'monitoring', element: page(PAGE_ACCESS.monitoring, MonitoringOverviewPage) },
          { path: 'monitoring/alarms', element: page(PAGE_ACCESS.monitoringAlarms, AlarmListPage) },
          { path: 'monitoring/alarms/:id', element: page(PAGE_ACCESS.monitoringAlarms, AlarmDetailPage) },
          { path: 'monitoring/devices', element: page(PAGE_ACCESS.monitoringDevices, DeviceListPage) },
          { path: 'monitoring/devices/:id', element: page(PAGE_ACCESS.monitoringDevices, DeviceDetailPage) },
          { path: 'monitoring/rollout', element: page(PAGE_ACCESS.monitoringRollout, RolloutPage) },
          { path: 'monitoring/limits', element: page(PAGE_ACCESS.monitoringLimits, BureauLimitsPage) },
          { path: 'enforcement/tasks', element: page(PAGE_ACCESS.enforcementTasks, TaskListPage) },
          { path: 'enforcement/tasks/:id', element: page(PAGE_ACCESS.enforcementTasks, TaskDetailPage) },
          { path: 'enforcement/cases', element: page(PAGE_ACCESS.enforcementCases, CaseListPage) },
          { path: 'enforcement/cases/:id', element: page(PAGE_ACCESS.enforcementCase, CaseDetailPage) },
          { path: 'enforcement/measures', element: page(PAGE_ACCESS.enforcementMeasures, MeasuresPage) },
          { path: 'enforcement/patrol', element: page(PAGE_ACCESS.enforcementPatrol, PatrolPage) },
          { path: 'my/enforcement/cases', element: page(PAGE_ACCESS.myEnforcementCases, EnterpriseCasesPage) },
          { path: 'enforcement/plans', element: page(PAGE_ACCESS.enforcementPlans, PlanListPage) },
          { path: 'enforcement/plans/:id', element: page(PAGE_ACCESS.enforcementPlans, PlanDetailPage) },
          { path: 'enforcement/stats', element: page(PAGE_ACCESS.enforcementStats, EnforcementStatsPage) },
          { path: 'enforcement/document-settings', element: page(PAGE_ACCESS.enforcementDocumentSettings, DocumentSettingsPage) },
          { path: 'classification', element: page(PAGE_ACCESS.classification, ClassificationOverviewPage) },
          { path: 'classification/rules', element: page(PAGE_ACCESS.classificationRules, ClassificationRulesPage) },
          { path: 'classification/accidents', element: page(PAGE_ACCESS.classificationAccidents, ClassificationAccidentsPage) },
          { path: 'classification/enterprises/:id', element: page(PAGE_ACCESS.classificationEnterprise, ClassificationEnterprisePage) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
