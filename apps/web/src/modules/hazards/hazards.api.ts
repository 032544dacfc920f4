import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptHazardBody,
  AssignHazardBody,
  CreateHazardBody,
  DismissHazardBody,
  HazardAction,
  HazardDto,
  HazardEventDto,
  JudgeHazardBody,
  ListResult,
  PublishHazardBody,
  RejectHazardBody,
  SubmitHazardBody,
  SuperviseHazardBody,
} from '@zhiben/contracts';
import { api, type Query } from '../../api/client';

export const hazardKeys = {
  all: ['hazards'] as const,
  list: (query: Query) => ['hazards', 'list', query] as const,
  detail: (id: string) => ['hazards', 'detail', id] as const,
  timeline: (id: string) => ['hazards', 'timeline', id] as const,
};

export function useHazards(query: Query) {
  return useQuery({
    queryKey: hazardKeys.list(query),
    queryFn: ({ signal }) => api.get<ListResult<HazardDto>>('/hazards', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useHazard(id: string | undefined) {
  return useQuery({
    queryKey: hazardKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<HazardDto>(`/hazards/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
    // Several people work on one hazard: always fetch afresh when the page is opened.
    staleTime: 0,
  });
}

export function useHazardTimeline(id: string, enabled = true) {
  return useQuery({
    queryKey: hazardKeys.timeline(id),
    queryFn: ({ signal }) => api.get<{ items: HazardEventDto[] }>(`/hazards/${encodeURIComponent(id)}/timeline`, undefined, signal),
    enabled,
    staleTime: 0,
  });
}

/** The body each lifecycle action takes (contracts' zod schemas, as the server parses them). */
export interface HazardActionBodies {
  judge: JudgeHazardBody;
  dismiss: DismissHazardBody;
  assign: AssignHazardBody;
  submit: SubmitHazardBody;
  accept: Partial<AcceptHazardBody>;
  reject: Partial<RejectHazardBody> & Pick<RejectHazardBody, 'note'>;
  supervise: SuperviseHazardBody;
  publish: PublishHazardBody;
  unpublish: PublishHazardBody;
}

/** Every hazard-derived answer (lists, details, timelines, the zeroing board) is stale after any change. */
function useInvalidateHazards() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: hazardKeys.all });
}

/** POST /hazards/:id/<action>; on success the detail is replaced by the answer and all hazard queries refresh. */
export function useHazardAction<A extends HazardAction>(id: string, action: A) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateHazards();
  return useMutation({
    mutationFn: (body: HazardActionBodies[A]) => api.post<HazardDto>(`/hazards/${encodeURIComponent(id)}/${action}`, body),
    onSuccess: (hazard) => {
      queryClient.setQueryData(hazardKeys.detail(hazard.id), hazard);
      void invalidate();
    },
  });
}

export function useCreateHazard() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateHazards();
  return useMutation({
    mutationFn: (body: Partial<CreateHazardBody> & Pick<CreateHazardBody, 'description'>) => api.post<HazardDto>('/hazards', body),
    onSuccess: (hazard) => {
      void invalidate();
      queryClient.setQueryData(hazardKeys.detail(hazard.id), hazard);
    },
  });
}
