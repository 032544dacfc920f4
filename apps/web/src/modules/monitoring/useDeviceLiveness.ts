import { useQueries } from '@tanstack/react-query';
import type { DeviceDto, SeriesResponse } from '@zhiben/contracts';
import { api } from '../../api/client';
import type { SeriesRange } from './devices.api';
import { monitoringKeys } from './monitoringKeys';

export interface DeviceLiveness {
  loading: boolean;
  /** Start of the latest minute with any reading of a mandatory signal in the window; null when none. */
  lastDataAt: string | null;
  /** Every mandatory signal reported in the window (the roll-out's definition of 已接入 over 24 h). */
  connected: boolean;
  /** Mandatory signals without any reading in the window. */
  missing: string[];
}

/**
 * Last data time and connection state of one device, from the same 24-hour, 1-minute series the charts show (one
 * request per mandatory signal, shared with the charts through the query cache).
 */
export function useDeviceLiveness(device: DeviceDto | undefined, range: SeriesRange): DeviceLiveness {
  const signals = device ? (device.mandatorySignals.length ? device.mandatorySignals : device.signals) : [];
  const results = useQueries({
    queries: signals.map((signal) => ({
      queryKey: monitoringKeys.seriesOf(device?.id ?? '', signal, range.key),
      queryFn: ({ signal: abort }: { signal: AbortSignal }) =>
        api.get<SeriesResponse>(
          `/devices/${encodeURIComponent(device?.id ?? '')}/series`,
          { signal, from: range.from, to: range.to, step: range.step },
          abort,
        ),
      enabled: !!device,
      staleTime: 55_000,
    })),
  });
  const loading = results.some((r) => r.isPending);
  let last: string | null = null;
  const missing: string[] = [];
  results.forEach((r, i) => {
    const points = r.data?.points ?? [];
    const t = points.at(-1)?.t ?? null;
    if (!t) missing.push(signals[i] ?? '');
    if (t && (!last || t > last)) last = t;
  });
  return { loading, lastDataAt: last, connected: !loading && signals.length > 0 && missing.length === 0, missing };
}
