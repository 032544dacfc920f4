import { useEffect, useRef, useState } from 'react';

/** Our own retries once the browser has given up (non-2xx answer): 5 s, 10 s, … up to 5 min. */
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 300_000;

/** A server-sent event's `data`, parsed as JSON; null when it is not JSON. */
function parse(data: unknown): unknown {
  if (typeof data !== 'string') return null;
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

/**
 * A live feed of server-sent events (EventSource, with the session cookie). Each message's `data` is parsed as
 * JSON and handed to `onMessage` (the latest callback; changing it does not reconnect). The browser reconnects
 * by itself after a dropped connection (the server sends `retry:`); when it gives up (the server answered with an
 * error, e.g. during a restart or after the session ended) we retry quietly with back-off, and at once when the
 * tab becomes visible or the network comes back. Nothing is shown to the user: `live` tells the caller whether
 * the feed is connected, so it can poll meanwhile.
 */
export function useEventStream(url: string, onMessage: (data: unknown) => void, enabled = true): { live: boolean } {
  const [live, setLive] = useState(false);
  const handler = useRef(onMessage);
  handler.current = onMessage;

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = FIRST_RETRY_MS;
    let stopped = false;

    const connect = () => {
      if (stopped) return;
      timer = undefined;
      const es = new EventSource(url, { withCredentials: true });
      source = es;
      es.onopen = () => {
        delay = FIRST_RETRY_MS;
        setLive(true);
      };
      es.onmessage = (message) => {
        const data = parse(message.data);
        if (data !== null) handler.current(data);
      };
      es.onerror = () => {
        setLive(false);
        // CONNECTING: the browser retries by itself. CLOSED: it has given up; so do we, for a while.
        if (es.readyState === EventSource.CLOSED) {
          es.close();
          if (source === es) source = null;
          schedule();
        }
      };
    };

    const schedule = () => {
      if (stopped || timer) return;
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, MAX_RETRY_MS);
    };

    // Back online or back to the tab: do not wait for the back-off.
    const wake = () => {
      if (stopped || source || document.visibilityState !== 'visible') return;
      if (timer) clearTimeout(timer);
      delay = FIRST_RETRY_MS;
      connect();
    };

    connect();
    window.addEventListener('online', wake);
    document.addEventListener('visibilitychange', wake);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      source?.close();
      window.removeEventListener('online', wake);
      document.removeEventListener('visibilitychange', wake);
      setLive(false);
    };
  }, [url, enabled]);

  return { live };
}
