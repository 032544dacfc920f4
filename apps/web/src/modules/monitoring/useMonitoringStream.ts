import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import type { MonitoringStreamEvent } from '@zhiben/contracts';
import { useEffect, useRef } from 'react';
import { useEventStream } from '../../lib/useEventStream';
import { monitoringKeys } from './monitoringKeys';

const STREAM_URL = '/api/v1/monitoring/stream';
/** Events arrive in bursts (a simulator, a district-wide outage): refresh at most this often. */
const COALESCE_MS = 400;

function asEvent(data: unknown): MonitoringStreamEvent | null {
  return typeof data === 'object' && data !== null && 'type' in data ? (data as MonitoringStreamEvent) : null;
}

/**
 * The live monitoring feed (server-sent events, lib/useEventStream) for the monitoring pages: an alarm event
 * refreshes alarms and the overview, a connection change the overview and the roll-out; after a reconnect (a second
 * `hello`) or a `resync` everything monitoring is refreshed, since events may have been missed. `onEvent` lets a
 * page react as well (e.g. flash a tile). While `live` is false the pages poll.
 */
export function useMonitoringStream(onEvent?: (event: MonitoringStreamEvent) => void): { live: boolean } {
  const queryClient = useQueryClient();
  const greeted = useRef(false);
  const pending = useRef(new Map<string, QueryKey>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const refresh = (...keys: QueryKey[]) => {
    for (const key of keys) pending.current.set(JSON.stringify(key), key);
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      const keys = [...pending.current.values()];
      pending.current.clear();
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
    }, COALESCE_MS);
  };

  return useEventStream(STREAM_URL, (data) => {
    const event = asEvent(data);
    if (!event) return;
    switch (event.type) {
      case 'hello':
        if (greeted.current) refresh(monitoringKeys.all);
        greeted.current = true;
        break;
      case 'resync':
        refresh(monitoringKeys.all);
        break;
      case 'alarm':
        refresh(monitoringKeys.alarms, monitoringKeys.overview);
        break;
      case 'connection':
        refresh(monitoringKeys.overview, monitoringKeys.rollout, monitoringKeys.device(event.deviceId));
        break;
    }
    handler.current?.(event);
  });
}
