import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { DUST_BANDS, type DustBand } from '../enterprises/enterpriseLabels';
import { enterpriseKeys, fetchEnterprises } from '../enterprises/enterprises.api';

export interface RegistryStats {
  total: number;
  bySector: { sector: string | null; count: number }[];
  byRegion: { regionId: string; regionName: string; count: number }[];
  byTag: { tag: string; count: number }[];
  dustBands: { band: DustBand; count: number }[];
}

/** The home dashboard's counts (closed enterprises left out), within the user's scope. */
export function useRegistryStats() {
  return useQuery({
    queryKey: enterpriseKeys.dashboard,
    queryFn: ({ signal }) => api.get<RegistryStats>('/dashboard/registry', undefined, signal),
  });
}

/**
 * 木粉尘 enterprises per dust-worker band: the roll-out targets name wood dust, the dashboard API counts all dust
 * types, so these three come from the list's totals (pageSize 1) with the same filters the chart links use.
 */
export function useWoodDustBands(statusFilter: string) {
  return useQueries({
    queries: DUST_BANDS.map((band) => {
      const query = { tag: 'dust_wood', dustBand: band, status: statusFilter, pageSize: 1 };
      return {
        queryKey: [...enterpriseKeys.list(query), 'count'],
        queryFn: ({ signal }: { signal: AbortSignal }) => fetchEnterprises(query, signal),
        select: (r: { total: number }) => r.total,
      };
    }),
  });
}
