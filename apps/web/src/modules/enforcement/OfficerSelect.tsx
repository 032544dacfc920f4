import { useQuery } from '@tanstack/react-query';
import type { ListResult, OfficerDto } from '@zhiben/contracts';
import { Select, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api/client';

export const officersQueryKey = ['enforcement', 'officers'] as const;
const NONE: readonly string[] = [];

/** The bureau's law-enforcement officers with their certificates (行政执法证); `assignable` = valid today. */
export function useOfficers() {
  return useQuery({
    queryKey: officersQueryKey,
    queryFn: ({ signal }) => api.get<ListResult<OfficerDto>>('/enforcement/officers', undefined, signal),
    staleTime: 60_000,
  });
}

/** 执法证 status line of an officer: number and validity, or why he cannot be assigned. */
export function certificateText(o: OfficerDto): string {
  if (!o.certificateNo) return '未登记行政执法证，不能指派';
  if (!o.assignable) return `执法证 ${o.certificateNo} 已于 ${o.validUntil ?? '—'} 过期，不能指派`;
  return `执法证 ${o.certificateNo}${o.validUntil ? ` · 有效期至 ${o.validUntil}` : ' · 长期有效'}`;
}

interface OfficerSelectProps {
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Officers not offered (the current user, who always takes part). */
  exclude?: readonly string[];
  /** At most this many may be chosen. */
  maxCount?: number;
  placeholder?: string;
  id?: string;
  status?: 'error' | 'warning' | '';
  'data-testid'?: string;
}

/**
 * Picks law-enforcement officers (multiple): name with the certificate status underneath; officers without a valid
 * certificate are listed but disabled (the server refuses them with OFFICER_NOT_ASSIGNABLE).
 */
export function OfficerSelect({
  value,
  onChange,
  exclude = NONE,
  maxCount,
  placeholder = '输入姓名搜索',
  id,
  status,
  ...rest
}: OfficerSelectProps) {
  const officers = useOfficers();
  const testId = rest['data-testid'] ?? 'officer-select';
  const options = useMemo(
    () =>
      (officers.data?.items ?? [])
        .filter((o) => !exclude.includes(o.id))
        // Assignable officers first (the server's order, by name, within each group).
        .sort((a, b) => Number(b.assignable) - Number(a.assignable))
        .map((o) => ({
          value: o.id,
          label: o.displayName,
          search: `${o.displayName} ${o.username}`,
          certificate: certificateText(o),
          disabled: !o.assignable,
          'data-testid': `${testId}-option-${o.username}`,
        })),
    [officers.data, exclude, testId],
  );

  return (
    <Select
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={(v: string[]) => onChange?.(v)}
      allowClear
      maxCount={maxCount}
      status={status}
      loading={officers.isLoading}
      placeholder={placeholder}
      options={options}
      showSearch={{ optionFilterProp: 'search' }}
      notFoundContent={officers.isError ? '执法人员名单加载失败，请重试' : '没有匹配的执法人员'}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          <Typography.Text type={option.data.disabled ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {option.data.certificate}
          </Typography.Text>
        </div>
      )}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
