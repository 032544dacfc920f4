import { useQuery } from '@tanstack/react-query';
import type { ListResult, RegionDto } from '@zhiben/contracts';
import { api } from '../../api/client';

export const REGIONS_QUERY_KEY = ['regions'] as const;

/** The whole jurisdiction tree (a few hundred rows at most); it rarely changes. */
export function useRegions(enabled = true) {
  return useQuery({
    queryKey: REGIONS_QUERY_KEY,
    queryFn: ({ signal }) => api.get<ListResult<RegionDto>>('/regions', undefined, signal),
    staleTime: 10 * 60_000,
    enabled,
  });
}
