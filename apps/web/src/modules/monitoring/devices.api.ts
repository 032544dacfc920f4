import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateDeviceBody,
  DeviceDto,
  DeviceImportReport,
  DeviceWithSecret,
  ListResult,
  SeriesResponse,
  SeriesStep,
  UpdateDeviceBody,
} from '@zhiben/contracts';
import { api, type Query } from '../../api/client';
import { type ImportStage, type UploadProgress, uploadXlsx } from '../enterprises/ledger.api';
import { monitoringKeys } from './monitoringKeys';

export function useDevices(query: Query, enabled = true) {
  return useQuery({
    queryKey: monitoringKeys.deviceList(query),
    queryFn: ({ signal }) => api.get<ListResult<DeviceDto>>('/devices', query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDevice(id: string | undefined) {
  return useQuery({
    queryKey: monitoringKeys.device(id ?? ''),
    queryFn: ({ signal }) => api.get<DeviceDto>(`/devices/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
  });
}

export interface SeriesRange {
  /** Stable cache key of the window, e.g. `24h`. */
  key: string;
  from: string;
  to: string;
  step: SeriesStep;
}

export function useDeviceSeries(id: string, signal: string, range: SeriesRange) {
  return useQuery({
    queryKey: monitoringKeys.seriesOf(id, signal, range.key),
    queryFn: ({ signal: abort }) =>
      api.get<SeriesResponse>(
        `/devices/${encodeURIComponent(id)}/series`,
        { signal, from: range.from, to: range.to, step: range.step },
        abort,
      ),
    placeholderData: keepPreviousData,
    // Rollups are per minute: a chart a minute old is current enough; the page refreshes it on a timer.
    staleTime: 55_000,
  });
}

/** Devices changed: lists, the overview and the roll-out follow. */
export function useInvalidateDevices() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: monitoringKeys.devices });
    void queryClient.invalidateQueries({ queryKey: monitoringKeys.overview });
    void queryClient.invalidateQueries({ queryKey: monitoringKeys.rollout });
  };
}

export function useCreateDevice() {
  const invalidate = useInvalidateDevices();
  return useMutation({
    mutationFn: (body: CreateDeviceBody) => api.post<DeviceWithSecret>('/devices', body),
    onSuccess: invalidate,
  });
}

export function useUpdateDevice() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateDevices();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateDeviceBody }) => api.patch<DeviceDto>(`/devices/${encodeURIComponent(id)}`, body),
    onSuccess: (device) => {
      queryClient.setQueryData(monitoringKeys.device(device.id), device);
      invalidate();
      // The rule set follows the signal set and the reporting interval.
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.thresholds(device.id) });
    },
  });
}

export function useRotateSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<DeviceWithSecret>(`/devices/${encodeURIComponent(id)}/rotate-secret`),
    onSuccess: ({ device }) => queryClient.setQueryData(monitoringKeys.device(device.id), device),
  });
}

/** The device workbook: preview at /devices/import/preview (nothing written), commit at /devices/import. */
export function uploadDevices(stage: ImportStage, file: File, onProgress: (p: UploadProgress) => void, signal?: AbortSignal) {
  return uploadXlsx<DeviceImportReport>(stage === 'preview' ? '/devices/import/preview' : '/devices/import', file, onProgress, signal);
}
