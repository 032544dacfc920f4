import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CaseDto,
  CreateCaseBody,
  CreateSupervisionMeasureBody,
  DecideCaseBody,
  InspectionTaskDto,
  ListResult,
  RecordPaymentBody,
  SupervisionMeasureDto,
} from '@zhiben/contracts';
import { api, type Query } from '../../api/client';
import { errorMessage, isApiError } from '../../api/errors';

/** 案件 (立案 / 处罚决定 / 缴款 / 结案) and 通报·约谈·曝光: queries and mutations (issue #7 item 5). */
export const caseKeys = {
  cases: (query: Query) => ['enforcement', 'cases', query] as const,
  case: (id: string) => ['enforcement', 'case', id] as const,
  measures: (query: Query) => ['enforcement', 'measures', query] as const,
};

/** Money is fen everywhere; the screens show 元 with two decimals. */
export function yuan(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** 元 as typed (up to two decimals) → integer fen. */
export function fenOf(yuanValue: number | null | undefined): number {
  return yuanValue ? Math.round(yuanValue * 100) : 0;
}

/** What a failed submit says: the server's Chinese message, with the first field problem when it names one. */
export function submitErrorText(error: unknown): string {
  if (isApiError(error)) {
    const issue = error.fieldIssues[0];
    if (issue?.message && issue.message !== error.message) return `${error.message}：${issue.message}`;
  }
  return errorMessage(error);
}

export function useCases(query: Query, enabled = true) {
  return useQuery({
    queryKey: caseKeys.cases(query),
    queryFn: ({ signal }) => api.get<ListResult<CaseDto>>('/enforcement/cases', query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The inspection tasks of one enterprise (the source task a case may be filed from); nothing without one. */
export function useEnterpriseTasks(enterpriseId: string | undefined) {
  const query = { enterpriseId, pageSize: 50 };
  return useQuery({
    queryKey: ['enforcement', 'tasks', query],
    queryFn: ({ signal }) => api.get<ListResult<InspectionTaskDto>>('/enforcement/tasks', query, signal),
    enabled: !!enterpriseId,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.case(id),
    queryFn: ({ signal }) => api.get<CaseDto>(`/enforcement/cases/${encodeURIComponent(id)}`, undefined, signal),
    enabled: !!id,
    staleTime: 0,
  });
}

function useCaseWritten() {
  const client = useQueryClient();
  return (c: CaseDto) => {
    client.setQueryData(caseKeys.case(c.id), c);
    void client.invalidateQueries({ queryKey: ['enforcement', 'cases'] });
    // A task shows its cases; a decision counts in the enterprise's class.
    if (c.taskId) void client.invalidateQueries({ queryKey: ['enforcement', 'task', c.taskId] });
    void client.invalidateQueries({ queryKey: ['classification'] });
  };
}

export function useCreateCase() {
  const written = useCaseWritten();
  return useMutation({
    mutationFn: (body: CreateCaseBody) => api.post<CaseDto>('/enforcement/cases', body),
    onSuccess: written,
  });
}

export type CaseActionBodies = {
  decision: DecideCaseBody;
  payment: RecordPaymentBody;
  close: { note?: string | null };
};

/** 作出处罚决定 / 登记缴款 / 结案: the answer is the case, written straight into the cache. */
export function useCaseAction<A extends keyof CaseActionBodies>(id: string, action: A) {
  const written = useCaseWritten();
  return useMutation({
    mutationFn: (body: CaseActionBodies[A]) => api.post<CaseDto>(`/enforcement/cases/${encodeURIComponent(id)}/${action}`, body),
    onSuccess: written,
  });
}

export function useMeasures(query: Query) {
  return useQuery({
    queryKey: caseKeys.measures(query),
    queryFn: ({ signal }) => api.get<ListResult<SupervisionMeasureDto>>('/enforcement/measures', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateMeasure() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSupervisionMeasureBody) => api.post<SupervisionMeasureDto>('/enforcement/measures', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['enforcement', 'measures'] }),
  });
}
