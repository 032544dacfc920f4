import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { useEnterprise } from '../enterprises/enterprises.api';

/**
 * The enterprise filter of the monitoring lists. A tile on the overview links here with `?enterpriseId=`; the picker
 * then needs the enterprise's name (it is not among the first search results), so it is fetched once.
 */
export function EnterpriseFilterSelect({
  value,
  onChange,
  id,
  ...rest
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  'data-testid'?: string;
}) {
  const enterprise = useEnterprise(value ?? undefined);
  const initialOption = value && enterprise.data ? { value, label: enterprise.data.name } : undefined;
  return <EnterpriseSelect id={id} value={value} onChange={onChange} initialOption={initialOption} data-testid={rest['data-testid']} />;
}
