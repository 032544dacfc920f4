import { useQuery } from '@tanstack/react-query';
import type { ZeroingDto } from '@zhiben/contracts';
import { api } from '../../api/client';
import { hazardKeys } from '../hazards/hazards.api';

/** Under the hazards key: any hazard change that invalidates `['hazards']` refreshes the board too. */
export const zeroingKey = [...hazardKeys.all, 'zeroing'] as const;

/**
 * The 动态清零 board in the caller's scope. Always refetched when a page shows it: it is the number people check
 * right after accepting or closing a hazard, so a cached answer from a minute ago would mislead.
 */
export function useZeroing() {
  const query = useQuery({
    queryKey: zeroingKey,
    queryFn: ({ signal }) => api.get<ZeroingDto>('/hazards/zeroing', undefined, signal),
    staleTime: 0,
    // Back to a tab left open on the board: show what has changed meanwhile.
    refetchOnWindowFocus: true,
  });
  // Numbers cached from an earlier visit are not shown while this visit's fetch runs (a skeleton is): someone who
  // has just closed a hazard must never read the old count. Later refreshes (button, live events) keep the data.
  const loading = query.isPending || (!query.isFetchedAfterMount && query.isFetching);
  return { ...query, loading };
}

/** The hazard list behind a number or a bar (UI.md: every chart links to the filtered list behind it). */
export function hazardListLink(filters: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `/hazards?${qs}` : '/hazards';
}
