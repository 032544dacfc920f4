import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditEventDto, ListResult } from '@zhiben/contracts';
import { api, type Query } from '../../api/client';

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  brokenAt?: { seq: number; reason: 'hash_mismatch' | 'chain_broken' };
}

export function useAuditEvents(query: Query) {
  return useQuery({
    queryKey: ['audit-events', 'list', query],
    queryFn: ({ signal }) => api.get<ListResult<AuditEventDto>>('/audit-events', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** 校验审计链: recomputes the hash chain on the server (a read, run on demand). */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api.get<AuditVerifyResult>('/audit-events/verify') });
}
