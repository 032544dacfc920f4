import { Navigate, useParams } from 'react-router';
import { useSession } from '../../app/session';

/**
 * /employee-reports/:id — the link in the notification of a new report (employee-reports.service.ts): the list page
 * of the reader's side with that report's drawer open.
 */
export function EmployeeReportRedirect() {
  const { id = '' } = useParams();
  const me = useSession();
  const base = me.scope.kind === 'enterprise' ? '/my/reports' : '/reports';
  return <Navigate to={`${base}?report=${encodeURIComponent(id)}`} replace />;
}
