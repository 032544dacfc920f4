import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EmployeeReportDto,
  ListResult,
  ReportSettingsDto,
  RewardReportBody,
  RewardScaleEntry,
  VerifyReportBody,
} from '@zhiben/contracts';
import { api, type Query } from '../../api/client';

export const reportKeys = {
  all: ['employee-reports'] as const,
  list: (query: Query) => ['employee-reports', 'list', query] as const,
  detail: (id: string) => ['employee-reports', 'detail', id] as const,
  settings: (enterpriseId: string) => ['report-settings', enterpriseId] as const,
};

export function useEmployeeReports(query: Query) {
  return useQuery({
    queryKey: reportKeys.list(query),
    queryFn: ({ signal }) => api.get<ListResult<EmployeeReportDto>>('/employee-reports', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEmployeeReport(id: string | undefined) {
  return useQuery({
    queryKey: reportKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<EmployeeReportDto>(`/employee-reports/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
  });
}

/** After a verification or reward: the detail answer replaces the cached one; lists and hazards refetch. */
function useReportAction<B>(path: 'verify' | 'reward') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: B }) =>
      api.post<EmployeeReportDto>(`/employee-reports/${encodeURIComponent(id)}/${path}`, body),
    onSuccess: (report) => {
      queryClient.setQueryData(reportKeys.detail(report.id), report);
      void queryClient.invalidateQueries({ queryKey: [...reportKeys.all, 'list'] });
      // 属实 creates a hazard: the ledger and the to-dos change with it.
      if (path === 'verify') void queryClient.invalidateQueries({ queryKey: ['hazards'] });
    },
  });
}

export const useVerifyReport = () => useReportAction<VerifyReportBody>('verify');
export const useRewardReport = () => useReportAction<RewardReportBody>('reward');

export function useReportSettings(enterpriseId: string | undefined) {
  return useQuery({
    queryKey: reportKeys.settings(enterpriseId ?? ''),
    queryFn: ({ signal }) =>
      api.get<ReportSettingsDto>(`/enterprises/${encodeURIComponent(enterpriseId ?? '')}/report-settings`, undefined, signal),
    enabled: !!enterpriseId,
  });
}

function useSettingsMutation<V>(call: (enterpriseId: string, value: V) => Promise<ReportSettingsDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ enterpriseId, value }: { enterpriseId: string; value: V }) => call(enterpriseId, value),
    onSuccess: (settings) => queryClient.setQueryData(reportKeys.settings(settings.enterpriseId), settings),
  });
}

export const useUpdateRewardScale = () =>
  useSettingsMutation<RewardScaleEntry[]>((enterpriseId, rewardScale) =>
    api.put<ReportSettingsDto>(`/enterprises/${encodeURIComponent(enterpriseId)}/report-settings`, { rewardScale }),
  );

export const useRotateReportToken = () =>
  useSettingsMutation<void>((enterpriseId) =>
    api.post<ReportSettingsDto>(`/enterprises/${encodeURIComponent(enterpriseId)}/report-settings/rotate-token`),
  );
