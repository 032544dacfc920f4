import { useQuery } from '@tanstack/react-query';
import { Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { isRouteMissing } from '../api/errors';
import { useDebouncedValue } from '../lib/useDebouncedValue';
import { enterpriseKeys, fetchEnterprises } from '../modules/enterprises/enterprises.api';

export interface EnterpriseOption {
  value: string;
  label: string;
}

interface EnterpriseSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The option for the current value (edit forms), so its name shows before any search. */
  initialOption?: EnterpriseOption | undefined;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}

/** Enterprise picker: remote search by name or credit code, debounced, 20 results at a time. */
export function EnterpriseSelect({
  value,
  onChange,
  initialOption,
  placeholder = '输入企业名称或信用代码搜索',
  id,
  ...rest
}: EnterpriseSelectProps) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const query = useQuery({
    queryKey: enterpriseKeys.picker(q),
    queryFn: ({ signal }) => fetchEnterprises({ q: q || undefined, pageSize: 20 }, signal),
    staleTime: 60_000,
    retry: false,
  });

  const options = useMemo(() => {
    const found = (query.data?.items ?? []).map((e) => ({
      value: e.id,
      label: e.name,
      creditCode: e.creditCode,
      'data-testid': `enterprise-option-${e.id}`,
    }));
    if (initialOption && !found.some((o) => o.value === initialOption.value)) {
      found.unshift({ ...initialOption, creditCode: '', 'data-testid': `enterprise-option-${initialOption.value}` });
    }
    return found;
  }, [query.data, initialOption]);

  const notFound = query.isFetching ? (
    <Spin size="small" />
  ) : isRouteMissing(query.error) ? (
    '企业台账接口尚未开放，暂不能选择企业'
  ) : query.isError ? (
    '企业列表加载失败，请重试'
  ) : (
    '没有匹配的企业'
  );

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      placeholder={placeholder}
      options={options}
      notFoundContent={notFound}
      onOpenChange={(open) => !open && setSearch('')}
      optionRender={(option) => (
        <div>
          <div>{option.label}</div>
          {option.data.creditCode && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {option.data.creditCode}
            </Typography.Text>
          )}
        </div>
      )}
      data-testid={rest['data-testid']}
    />
  );
}
