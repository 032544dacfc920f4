import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClassificationDto, ClassificationStatsDto, RecomputeResultDto } from '@zhiben/contracts';
import { api } from '../../api/client';

export function useClassification(enterpriseId: string | undefined) {
  return useQuery({
    queryKey: ['classification', 'enterprise', enterpriseId ?? ''],
    queryFn: ({ signal }) =>
      api.get<ClassificationDto>(`/classification/enterprises/${encodeURIComponent(enterpriseId ?? '')}`, undefined, signal),
    enabled: !!enterpriseId,
    staleTime: 0,
  });
}

export function useClassificationStats() {
  return useQuery({
    queryKey: ['classification', 'stats'],
    queryFn: ({ signal }) => api.get<ClassificationStatsDto>('/classification/stats', undefined, signal),
  });
}

export function useRecompute() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RecomputeResultDto>('/classification/recompute', {}),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['classification'] });
      void client.invalidateQueries({ queryKey: ['enterprises'] });
    },
  });
}
