import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { HazardDto, ListResult } from '@zhiben/contracts';
import { api, type Query } from '../../api/client';

export const hazardKeys = {
  all: ['hazards'] as const,
  list: (query: Query) => ['hazards', 'list', query] as const,
  detail: (id: string) => ['hazards', 'detail', id] as const,
};

export function useHazards(query: Query) {
  return useQuery({
    queryKey: hazardKeys.list(query),
    queryFn: ({ signal }) => api.get<ListResult<HazardDto>>('/hazards', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useHazard(id: string | undefined) {
  return useQuery({
    queryKey: hazardKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<HazardDto>(`/hazards/${id}`, undefined, signal),
    enabled: !!id,
  });
}
