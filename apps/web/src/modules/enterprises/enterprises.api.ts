import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChecklistDto,
  CreateEnterpriseBody,
  EnterpriseDto,
  EnterpriseHistoryItem,
  ListResult,
  RiskTagDto,
  UpdateEnterpriseBody,
} from '@zhiben/contracts';
import { api, type Query } from '../../api/client';

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  list: (query: Query) => ['enterprises', 'list', query] as const,
  picker: (q: string) => ['enterprises', 'picker', q] as const,
  detail: (id: string) => ['enterprises', 'detail', id] as const,
  history: (id: string) => ['enterprises', 'history', id] as const,
  checklist: (id: string) => ['enterprises', 'checklist', id] as const,
  /** Counts behind the home dashboard (they change with every enterprise write). */
  dashboard: ['dashboard', 'registry'] as const,
};

export const RISK_TAGS_QUERY_KEY = ['risk-tags'] as const;

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

export function useEnterprise(id: string | undefined) {
  return useQuery({
    queryKey: enterpriseKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<EnterpriseDto>(`/enterprises/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
  });
}

export function useEnterpriseHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: enterpriseKeys.history(id),
    queryFn: ({ signal }) =>
      api.get<{ items: EnterpriseHistoryItem[] }>(`/enterprises/${encodeURIComponent(id)}/history`, undefined, signal),
    enabled,
    staleTime: 0,
  });
}

export function useEnterpriseChecklist(id: string, enabled: boolean) {
  return useQuery({
    queryKey: enterpriseKeys.checklist(id),
    queryFn: ({ signal }) => api.get<ChecklistDto>(`/enterprises/${encodeURIComponent(id)}/checklist`, undefined, signal),
    enabled,
  });
}

/** The risk/process tag catalog (data; changes only with a new catalog version). */
export function useRiskTags() {
  return useQuery({
    queryKey: RISK_TAGS_QUERY_KEY,
    queryFn: ({ signal }) => api.get<ListResult<RiskTagDto>>('/risk-tags', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

/** Everything derived from enterprise records: lists, details, history, checklists and the dashboard counts. */
export function useInvalidateEnterprises() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: enterpriseKeys.all }),
      queryClient.invalidateQueries({ queryKey: enterpriseKeys.dashboard }),
    ]);
  };
}

export function useCreateEnterprise() {
  const invalidate = useInvalidateEnterprises();
  return useMutation({
    mutationFn: (body: CreateEnterpriseBody) => api.post<EnterpriseDto>('/enterprises', body),
    onSuccess: invalidate,
  });
}

export function useUpdateEnterprise() {
  const invalidate = useInvalidateEnterprises();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateEnterpriseBody }) =>
      api.patch<EnterpriseDto>(`/enterprises/${encodeURIComponent(id)}`, body),
    onSuccess: invalidate,
  });
}
