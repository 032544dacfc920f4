import { useCallback, useState } from 'react';

/** useState persisted in localStorage (table column choices); falls back silently when storage is unavailable. */
export function useStoredState<T>(key: string, initial: T): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(key);
      return raw ? (JSON.parse(raw) as T) : initial;
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (next: T) => {
      setValue(next);
      try {
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // private mode or quota: the choice just does not survive a reload
      }
    },
    [key],
  );
  return [value, set];
}
