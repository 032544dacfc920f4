import type { ItemResult } from '@zhiben/contracts';

/** One item's answer as the user last entered it, not yet confirmed by the server. */
export interface DraftEntry {
  itemId: string;
  result: ItemResult;
  note: string;
  photos: string[];
  /** Changes each time the user edits the entry: a server answer only clears the revision it was sent with. */
  rev: number;
}

export type Draft = Record<string, DraftEntry>;

let revCounter = Date.now();
export function nextRev(): number {
  revCounter += 1;
  return revCounter;
}

/** Per user and inspection, so that another account on the same phone never sends someone else's answers. */
export function draftKey(userId: string, inspectionId: string): string {
  return `zb.inspection-draft.${userId}.${inspectionId}`;
}

const RESULTS: readonly string[] = ['pending', 'compliant', 'non_compliant', 'not_applicable'];

function isEntry(value: unknown): value is DraftEntry {
  const v = value as Partial<DraftEntry> | null;
  return (
    !!v &&
    typeof v.itemId === 'string' &&
    typeof v.result === 'string' &&
    RESULTS.includes(v.result) &&
    typeof v.note === 'string' &&
    Array.isArray(v.photos) &&
    v.photos.every((p) => typeof p === 'string') &&
    typeof v.rev === 'number'
  );
}

export function loadDraft(key: string): Draft {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return {};
    const parsed = JSON.parse(raw) as { entries?: unknown };
    const entries = Array.isArray(parsed.entries) ? parsed.entries.filter(isEntry) : [];
    return Object.fromEntries(entries.map((e) => [e.itemId, e]));
  } catch {
    return {};
  }
}

/** Writes the unsynced entries (or removes the key when there are none). False when storage is unavailable. */
export function saveDraft(key: string, draft: Draft): boolean {
  try {
    const entries = Object.values(draft);
    if (entries.length === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), entries }));
    return true;
  } catch {
    return false;
  }
}
