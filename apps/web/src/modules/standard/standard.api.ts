import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult, RiskTagDto, Sector, StandardItemDto } from '@zhiben/contracts';
import { api, type Query } from '../../api/client';

/** A published version of the standard (GET /hazard-standard/versions). */
export interface StandardVersionDto {
  id: string;
  code: string;
  title: string;
  version: number;
  effectiveFrom: string;
  note: string | null;
  publishedAt: string;
  itemCount: number;
}

export interface EditStandardItemBody {
  text?: string;
  verified?: boolean;
  penaltyBasis?: string | null;
  exclusions?: string[];
  keywords?: string[];
  note: string;
}

export interface AddLocalItemBody {
  text: string;
  sector: Sector | null;
  tagsAny: string[];
  source: string;
  penaltyBasis: string | null;
  note: string;
}

export const standardKeys = {
  all: ['hazard-standard'] as const,
  items: (query: Query) => ['hazard-standard', 'items', query] as const,
  versions: ['hazard-standard', 'versions'] as const,
  riskTags: ['risk-tags'] as const,
};

export function useStandardItems(query: Query) {
  return useQuery({
    queryKey: standardKeys.items(query),
    queryFn: ({ signal }) => api.get<ListResult<StandardItemDto>>('/hazard-standard/items', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useStandardVersions() {
  return useQuery({
    queryKey: standardKeys.versions,
    queryFn: ({ signal }) => api.get<ListResult<StandardVersionDto>>('/hazard-standard/versions', undefined, signal),
  });
}

/** The risk / process tag catalog: names for the tag codes of applicability conditions. */
export function useRiskTags() {
  return useQuery({
    queryKey: standardKeys.riskTags,
    queryFn: ({ signal }) => api.get<ListResult<RiskTagDto>>('/risk-tags', undefined, signal),
    staleTime: 10 * 60_000,
    retry: false,
  });
}

/** 修订: publishes a new version with the item changed. */
export function useEditStandardItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EditStandardItemBody }) =>
      api.patch<StandardItemDto>(`/hazard-standard/items/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: standardKeys.all }),
  });
}

/** 新增地方补充条款: publishes a new version with one more local item. */
export function useAddLocalItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddLocalItemBody) => api.post<StandardItemDto>('/hazard-standard/items', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: standardKeys.all }),
  });
}
