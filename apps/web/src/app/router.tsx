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
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
