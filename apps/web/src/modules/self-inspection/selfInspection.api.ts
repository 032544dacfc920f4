import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChecklistDto, CreateInspectionBody, InspectionDetailDto, InspectionDto, ItemResult, ListResult } from '@zhiben/contracts';
import { api, type Query } from '../../api/client';

export type ChecklistItem = ChecklistDto['items'][number];
export type InspectionItem = InspectionDetailDto['items'][number];

export interface ResultEntry {
  itemId: string;
  result: ItemResult;
  note?: string | null;
  photos?: string[];
}

export interface PrincipalComplianceDto {
  quarter: string;
  start: string;
  end: string;
  total: number;
  compliant: number;
  items: {
    enterpriseId: string;
    enterpriseName: string;
    regionName: string;
    led: boolean;
    ledCount: number;
    lastLedAt: string | null;
  }[];
}

export interface SelfInspectionStatsDto {
  coverage: { sector: string | null; enterprises: number; inspected: number }[];
  topNonCompliant: { key: string; articleLabel: string; itemLabel: string; text: string; count: number }[];
  stale: { enterpriseId: string; enterpriseName: string; regionName: string; lastCompletedAt: string | null }[];
}

export const inspectionKeys = {
  all: ['inspections'] as const,
  list: (query: Query) => ['inspections', 'list', query] as const,
  detail: (id: string) => ['inspections', 'detail', id] as const,
  checklist: (enterpriseId: string) => ['checklist', enterpriseId] as const,
  compliance: (query: Query) => ['self-inspection', 'principal-compliance', query] as const,
  stats: ['self-inspection', 'stats'] as const,
};

export function useChecklist(enterpriseId: string | null | undefined) {
  return useQuery({
    queryKey: inspectionKeys.checklist(enterpriseId ?? ''),
    queryFn: ({ signal }) => api.get<ChecklistDto>(`/enterprises/${enterpriseId}/checklist`, undefined, signal),
    enabled: !!enterpriseId,
  });
}

export function useInspections(query: Query) {
  return useQuery({
    queryKey: inspectionKeys.list(query),
    queryFn: ({ signal }) => api.get<ListResult<InspectionDto>>('/inspections', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInspection(id: string) {
  return useQuery({
    queryKey: inspectionKeys.detail(id),
    queryFn: ({ signal }) => api.get<InspectionDetailDto>(`/inspections/${id}`, undefined, signal),
    // Fresh on every visit (another phone may have recorded meanwhile); unsynced local entries stay on top of it.
    staleTime: 0,
  });
}

export function useCreateInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CreateInspectionBody> & Pick<CreateInspectionBody, 'title' | 'frequency'>) =>
      api.post<InspectionDetailDto>('/inspections', body),
    onSuccess: (detail) => {
      queryClient.setQueryData(inspectionKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: ['inspections', 'list'] });
    },
  });
}

export function postResults(id: string, results: ResultEntry[]) {
  return api.post<InspectionDetailDto>(`/inspections/${id}/results`, { results });
}

export function useCompleteInspection(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<InspectionDetailDto>(`/inspections/${id}/complete`),
    onSuccess: (detail) => {
      queryClient.setQueryData(inspectionKeys.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: ['inspections', 'list'] });
    },
  });
}

export function usePrincipalCompliance(query: Query) {
  return useQuery({
    queryKey: inspectionKeys.compliance(query),
    queryFn: ({ signal }) => api.get<PrincipalComplianceDto>('/self-inspection/principal-compliance', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSelfInspectionStats() {
  return useQuery({
    queryKey: inspectionKeys.stats,
    queryFn: ({ signal }) => api.get<SelfInspectionStatsDto>('/self-inspection/stats', undefined, signal),
  });
}
