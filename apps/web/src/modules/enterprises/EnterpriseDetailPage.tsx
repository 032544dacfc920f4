import { useLocation, useParams } from 'react-router';
import { EnterpriseDetail } from './EnterpriseDetail';

/** /enterprises/:id — the back link returns to the list with the filters it was opened from. */
export function EnterpriseDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const listSearch = (location.state as { listSearch?: unknown } | null)?.listSearch;
  const search = typeof listSearch === 'string' ? listSearch : '';
  return <EnterpriseDetail key={id} id={id} back={{ to: `/enterprises${search}`, label: '企业台账' }} />;
}
