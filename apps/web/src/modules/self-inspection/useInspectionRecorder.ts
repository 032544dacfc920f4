import { useQueryClient } from '@tanstack/react-query';
import type { InspectionDetailDto } from '@zhiben/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, isApiError } from '../../api/errors';
import { type Draft, type DraftEntry, draftKey, loadDraft, nextRev, saveDraft } from './inspectionDraft';
import { type InspectionItem, inspectionKeys, postResults } from './selfInspection.api';

export type EntryChange = Partial<Pick<DraftEntry, 'result' | 'note' | 'photos'>>;

export interface Recorder {
  /** Unsynced entries by item id (shown instead of the server's answer until it confirms them). */
  entries: Draft;
  unsynced: number;
  syncing: boolean;
  /** The last sync failure (Chinese), cleared by the next success. */
  error: string | null;
  /** The failure cannot be fixed by retrying (inspection completed, no permission…): offer to discard. */
  fatal: boolean;
  /** localStorage is not writable (private mode): entries survive only while the page is open. */
  storageBroken: boolean;
  /** Records a change; pass a function to derive it from the entry's latest state (e.g. append a photo). */
  change(item: InspectionItem, change: EntryChange | ((current: DraftEntry) => EntryChange), options?: { debounce?: boolean }): void;
  flush(): void;
  discard(): void;
}

const NOTE_DEBOUNCE_MS = 800;
const RETRY_EVERY_MS = 20_000;

/**
 * The inspection page's answers: every change goes to localStorage first (a reload or a failed request loses
 * nothing), then to POST /inspections/:id/results. Sends are serialised (one request at a time, each with every
 * unsynced entry), so answers cannot arrive out of order; an answer clears an entry only if it was not edited
 * again meanwhile. Failed sends are retried on demand, when the browser comes back online and every 20 s.
 */
export function useInspectionRecorder(inspectionId: string, userId: string): Recorder {
  const queryClient = useQueryClient();
  const key = draftKey(userId, inspectionId);
  const [entries, setEntries] = useState<Draft>(() => loadDraft(key));
  const entriesRef = useRef(entries);
  const [syncing, setSyncing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fatal, setFatal] = useState(false);
  const [storageBroken, setStorageBroken] = useState(false);
  const inFlight = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const commit = useCallback(
    (next: Draft) => {
      entriesRef.current = next;
      setEntries(next);
      setStorageBroken(!saveDraft(key, next));
    },
    [key],
  );

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    const sent = Object.values(entriesRef.current);
    if (sent.length === 0) return;
    inFlight.current = true;
    setSyncing(true);
    try {
      const detail = await postResults(
        inspectionId,
        sent.map((e) => ({ itemId: e.itemId, result: e.result, note: e.note.trim() || null, photos: e.photos })),
      );
      // A refetch still in flight (mount, reconnect) would answer older data than this: drop it.
      await queryClient.cancelQueries({ queryKey: inspectionKeys.detail(inspectionId) });
      queryClient.setQueryData<InspectionDetailDto>(inspectionKeys.detail(inspectionId), detail);
      void queryClient.invalidateQueries({ queryKey: ['inspections', 'list'] });
      const next = { ...entriesRef.current };
      for (const entry of sent) if (next[entry.itemId]?.rev === entry.rev) delete next[entry.itemId];
      commit(next);
      setError(null);
      setFatal(false);
    } catch (err) {
      setError(errorMessage(err));
      setFatal(
        isApiError(err) &&
          (err.code === 'STATE_CONFLICT' || err.code === 'FORBIDDEN' || err.code === 'NOT_FOUND' || err.code === 'VALIDATION_FAILED'),
      );
    } finally {
      inFlight.current = false;
      setSyncing(false);
      if (again.current) {
        again.current = false;
        void flush();
      }
    }
  }, [commit, inspectionId, queryClient]);

  const change = useCallback(
    (item: InspectionItem, update: EntryChange | ((current: DraftEntry) => EntryChange), options: { debounce?: boolean } = {}) => {
      const prev = entriesRef.current[item.id];
      const base: DraftEntry = prev ?? { itemId: item.id, result: item.result, note: item.note ?? '', photos: item.photos, rev: 0 };
      const changes = typeof update === 'function' ? update(base) : update;
      commit({ ...entriesRef.current, [item.id]: { ...base, ...changes, rev: nextRev() } });
      clearTimeout(timer.current);
      if (options.debounce) timer.current = setTimeout(() => void flush(), NOTE_DEBOUNCE_MS);
      else void flush();
    },
    [commit, flush],
  );

  const discard = useCallback(() => {
    commit({});
    setError(null);
    setFatal(false);
  }, [commit]);

  // Entries left from an earlier visit (reload, lost connection): send them now, and whenever the network returns.
  const unsynced = Object.keys(entries).length;
  useEffect(() => {
    if (Object.keys(entriesRef.current).length > 0) void flush();
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      // A note typed just before leaving the page is sent now rather than on the next visit.
      if (timer.current !== undefined) void flush();
    };
  }, [flush]);
  useEffect(() => {
    if (!error || fatal || unsynced === 0) return;
    const retry = setInterval(() => void flush(), RETRY_EVERY_MS);
    return () => clearInterval(retry);
  }, [error, fatal, unsynced, flush]);

  return {
    entries,
    unsynced,
    syncing,
    error,
    fatal,
    storageBroken,
    change,
    flush: () => void flush(),
    discard,
  };
}
