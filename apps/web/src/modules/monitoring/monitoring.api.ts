import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BureauLimitsDto,
  DeviceThresholdsDto,
  MonitoringOverviewDto,
  MonitoringRolloutDto,
  PutBureauLimitsBody,
  PutThresholdsBody,
} from '@zhiben/contracts';
import { api, type Query } from '../../api/client';
import { monitoringKeys } from './monitoringKeys';

export function useOverview(query: Query, refetchInterval: number | false) {
  return useQuery({
    queryKey: monitoringKeys.overviewOf(query),
    queryFn: ({ signal }) => api.get<MonitoringOverviewDto>('/monitoring/overview', query, signal),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
}

export function useRollout(query: Query = {}) {
  return useQuery({
    queryKey: [...monitoringKeys.rollout, query],
    queryFn: ({ signal }) => api.get<MonitoringRolloutDto>('/monitoring/rollout', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useThresholds(deviceId: string, enabled = true) {
  return useQuery({
    queryKey: monitoringKeys.thresholds(deviceId),
    queryFn: ({ signal }) => api.get<DeviceThresholdsDto>(`/devices/${encodeURIComponent(deviceId)}/thresholds`, undefined, signal),
    enabled,
  });
}

export function usePutThresholds(deviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutThresholdsBody) => api.put<DeviceThresholdsDto>(`/devices/${encodeURIComponent(deviceId)}/thresholds`, body),
    onSuccess: (answer) => {
      queryClient.setQueryData(monitoringKeys.thresholds(deviceId), answer);
      // A change can close or raise alarms and record a 第十四条 hazard.
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.alarms });
      void queryClient.invalidateQueries({ queryKey: ['hazards'] });
    },
  });
}

export function useBureauLimits() {
  return useQuery({
    queryKey: monitoringKeys.limits,
    queryFn: ({ signal }) => api.get<BureauLimitsDto>('/monitoring/limits', undefined, signal),
  });
}

export function usePutBureauLimits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutBureauLimitsBody) => api.put<BureauLimitsDto>('/monitoring/limits', body),
    onSuccess: (answer) => {
      queryClient.setQueryData(monitoringKeys.limits, answer);
      // Every device's editor shows the limits; flags may change.
      void queryClient.invalidateQueries({ queryKey: ['monitoring', 'thresholds'] });
    },
  });
}
