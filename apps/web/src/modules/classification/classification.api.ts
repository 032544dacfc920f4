import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccidentDto,
  ClassificationDto,
  ClassificationStatsDto,
  CreateAccidentBody,
  ListResult,
  OverrideClassificationBody,
  RecomputeResultDto,
  RuleSetDto,
  SaveRuleSetBody,
} from '@zhiben/contracts';
import { api, type Query } from '../../api/client';

export const classificationKeys = {
  all: ['classification'] as const,
  enterprise: (id: string) => ['classification', 'enterprise', id] as const,
  rules: ['classification', 'rules'] as const,
  accidents: (query: Query) => ['classification', 'accidents', query] as const,
};

export function useClassification(enterpriseId: string | undefined) {
  return useQuery({
    queryKey: classificationKeys.enterprise(enterpriseId ?? ''),
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

export type ClassificationActionBodies = {
  override: OverrideClassificationBody;
  'clear-override': { reason: string };
  'major-hazard-installation': { majorHazardInstallation: boolean; reason: string };
};

/**
 * 人工调整 / 取消人工调整 / 重大危险源登记 of one enterprise. The answer is the new classification, written into the
 * cache; the overview statistics, the other classification views and the enterprise lists (which show the class) reload.
 */
export function useClassificationAction<A extends keyof ClassificationActionBodies>(enterpriseId: string, action: A) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ClassificationActionBodies[A]) =>
      api.post<ClassificationDto>(`/classification/enterprises/${encodeURIComponent(enterpriseId)}/${action}`, body),
    onSuccess: (dto) => {
      client.setQueryData(classificationKeys.enterprise(enterpriseId), dto);
      void client.invalidateQueries({
        queryKey: classificationKeys.all,
        predicate: (q) => !(q.queryKey[1] === 'enterprise' && q.queryKey[2] === enterpriseId),
      });
      void client.invalidateQueries({ queryKey: ['enterprises'] });
    },
  });
}

export function useRuleSet() {
  return useQuery({
    queryKey: classificationKeys.rules,
    queryFn: ({ signal }) => api.get<RuleSetDto>('/classification/rules', undefined, signal),
    staleTime: 0,
  });
}

/** A new rule-set version (`rules.version` = current + 1; 409 RULE_SET_VERSION_CONFLICT when someone saved first). */
export function useSaveRuleSet() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveRuleSetBody) => api.put<RuleSetDto>('/classification/rules', body),
    onSuccess: (dto) => client.setQueryData(classificationKeys.rules, dto),
  });
}

export function useAccidents(query: Query) {
  return useQuery({
    queryKey: classificationKeys.accidents(query),
    queryFn: ({ signal }) => api.get<ListResult<AccidentDto>>('/classification/accidents', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** 登记事故: the enterprise's class is recomputed by the server in the same transaction. */
export function useCreateAccident() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAccidentBody) => api.post<AccidentDto>('/classification/accidents', body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: classificationKeys.all });
      void client.invalidateQueries({ queryKey: ['enterprises'] });
    },
  });
}
