import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateFindingBody,
  InspectionTaskDto,
  IssueOrderBody,
  ListResult,
  ReinspectBody,
  TaskChecklistDto,
  TaskDetailDto,
} from '@zhiben/contracts';
import { api, type Query } from '../../api/client';

export const enforcementKeys = {
  all: ['enforcement'] as const,
  tasks: (query: Query) => ['enforcement', 'tasks', query] as const,
  task: (id: string) => ['enforcement', 'task', id] as const,
  checklist: (id: string) => ['enforcement', 'task', id, 'checklist'] as const,
};

export function useTasks(query: Query) {
  return useQuery({
    queryKey: enforcementKeys.tasks(query),
    queryFn: ({ signal }) => api.get<ListResult<InspectionTaskDto>>('/enforcement/tasks', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: string) {
  return useQuery({
    queryKey: enforcementKeys.task(id),
    queryFn: ({ signal }) => api.get<TaskDetailDto>(`/enforcement/tasks/${encodeURIComponent(id)}`, undefined, signal),
    enabled: !!id,
    staleTime: 0,
  });
}

export function useTaskChecklist(id: string, enabled: boolean) {
  return useQuery({
    queryKey: enforcementKeys.checklist(id),
    queryFn: ({ signal }) => api.get<TaskChecklistDto>(`/enforcement/tasks/${encodeURIComponent(id)}/checklist`, undefined, signal),
    enabled: !!id && enabled,
  });
}

export type TaskActionBodies = {
  start: { place?: string | null };
  findings: CreateFindingBody;
  order: IssueOrderBody;
  reinspect: ReinspectBody;
  close: { note?: string | null };
  cancel: { reason: string };
};

/** One mutation per task action; the answer is the task detail, written straight into the cache. */
export function useTaskAction<A extends keyof TaskActionBodies>(id: string, action: A) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskActionBodies[A]) => api.post<TaskDetailDto>(`/enforcement/tasks/${encodeURIComponent(id)}/${action}`, body),
    onSuccess: (detail) => {
      client.setQueryData(enforcementKeys.task(id), detail);
      void client.invalidateQueries({ queryKey: ['enforcement', 'tasks'] });
      void client.invalidateQueries({ queryKey: ['classification'] });
    },
  });
}

/** The .docx of an enforcement document (a plain link: the browser downloads it with the session cookie). */
export function documentHref(id: string): string {
  return `/api/v1/enforcement/documents/${encodeURIComponent(id)}`;
}
