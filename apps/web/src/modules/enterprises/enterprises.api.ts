import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EnterpriseDto, ListResult } from '@zhiben/contracts';
import { api, type Query } from '../../api/client';

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  list: (query: Query) => ['enterprises', 'list', query] as const,
  picker: (q: string) => ['enterprises', 'picker', q] as const,
};

export function fetchEnterprises(query: Query, signal?: AbortSignal) {
  return api.get<ListResult<EnterpriseDto>>('/enterprises', query, signal);
}

export function useEnterpriseList(query: Query) {
  return useQuery({
    queryKey: enterpriseKeys.list(query),
    queryFn: ({ signal }) => fetchEnterprises(query, signal),
    placeholderData: keepPreviousData,
  });
}
