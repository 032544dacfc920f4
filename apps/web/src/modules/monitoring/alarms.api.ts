import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AckAlarmBody, AlarmDetailDto, AlarmDto, DisposeAlarmBody, ListResult } from '@zhiben/contracts';
import { api, type Query } from '../../api/client';
import { monitoringKeys } from './monitoringKeys';

export function useAlarms(query: Query, options: { enabled?: boolean; refetchInterval?: number | false } = {}) {
  return useQuery({
    queryKey: monitoringKeys.alarmList(query),
    queryFn: ({ signal }) => api.get<ListResult<AlarmDto>>('/alarms', query, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval ?? false,
  });
}

export function useAlarm(id: string | undefined) {
  return useQuery({
    queryKey: monitoringKeys.alarm(id ?? ''),
    queryFn: ({ signal }) => api.get<AlarmDetailDto>(`/alarms/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
    // Several people handle one alarm: always fetch afresh when the page is opened.
    staleTime: 0,
  });
}

/** After an action the alarm, the lists and the overview are stale; the answer replaces the detail when it is one. */
function useAfterAlarmAction() {
  const queryClient = useQueryClient();
  return (id: string, answer: unknown) => {
    if (answer && typeof answer === 'object' && 'timeline' in answer) queryClient.setQueryData(monitoringKeys.alarm(id), answer);
    void queryClient.invalidateQueries({ queryKey: monitoringKeys.alarms });
    void queryClient.invalidateQueries({ queryKey: monitoringKeys.overview });
  };
}

export function useAckAlarm(id: string) {
  const after = useAfterAlarmAction();
  return useMutation({
    mutationFn: (body: AckAlarmBody) => api.post<AlarmDetailDto | AlarmDto>(`/alarms/${encodeURIComponent(id)}/ack`, body),
    onSuccess: (answer) => after(id, answer),
  });
}

export function useDisposeAlarm(id: string) {
  const after = useAfterAlarmAction();
  return useMutation({
    mutationFn: (body: DisposeAlarmBody) => api.post<AlarmDetailDto | AlarmDto>(`/alarms/${encodeURIComponent(id)}/dispose`, body),
    onSuccess: (answer) => after(id, answer),
  });
}
