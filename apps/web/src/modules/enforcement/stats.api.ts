import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EnforcementStatsDto } from '@zhiben/contracts';
import { api } from '../../api/client';

export const enforcementStatsKey = (year: number) => ['enforcement', 'stats', year] as const;

/** `GET /enforcement/stats?year=`: plan progress, findings per inspection and penalties of one year (caller's scope). */
export function useEnforcementStats(year: number) {
  return useQuery({
    queryKey: enforcementStatsKey(year),
    queryFn: ({ signal }) => api.get<EnforcementStatsDto>('/enforcement/stats', { year }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Fen → 元 with two decimals and thousands separators (UI.md: money in 元 with two decimals). */
export function yuan(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
