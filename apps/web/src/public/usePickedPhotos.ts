import { REPORT_LIMITS } from '@zhiben/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PickedPhoto } from './ReportPhotoPicker';
import { preparePhoto } from './reportPhotos';

// A counter, not crypto.randomUUID(): that exists only in secure contexts, and the QR page may be plain http.
let nextId = 0;

/**
 * The photos picked for one report: checked and, when needed, shrunk on the phone (reportPhotos.ts); refused files
 * are listed as problems. Thumbnails' object URLs are released when a photo goes or the page closes.
 */
export function usePickedPhotos() {
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [preparing, setPreparing] = useState(false);
  const live = useRef<PickedPhoto[]>([]);
  live.current = photos;

  useEffect(
    () => () => {
      for (const p of live.current) URL.revokeObjectURL(p.preview);
    },
    [],
  );

  const add = useCallback(async (files: File[]) => {
    setPreparing(true);
    const found: string[] = [];
    try {
      const room = REPORT_LIMITS.maxPhotos - live.current.length;
      if (files.length > room)
        found.push(`最多上传 ${REPORT_LIMITS.maxPhotos} 张照片，多选的 ${files.length - Math.max(0, room)} 张未添加`);
      const accepted: PickedPhoto[] = [];
      for (const file of files.slice(0, Math.max(0, room))) {
        const prepared = await preparePhoto(file);
        if (prepared.ok) {
          accepted.push({ id: `photo-${++nextId}`, file: prepared.file, preview: URL.createObjectURL(prepared.file) });
        } else {
          found.push(prepared.problem);
        }
      }
      setPhotos((prev) => [...prev, ...accepted]);
    } finally {
      setProblems(found);
      setPreparing(false);
    }
  }, []);

  const remove = useCallback((id: string) => {
    setPhotos((prev) => {
      const gone = prev.find((p) => p.id === id);
      if (gone) URL.revokeObjectURL(gone.preview);
      return prev.filter((p) => p.id !== id);
    });
    setProblems([]);
  }, []);

  const clear = useCallback(() => {
    setPhotos((prev) => {
      for (const p of prev) URL.revokeObjectURL(p.preview);
      return [];
    });
    setProblems([]);
  }, []);

  return { photos, problems, preparing, add, remove, clear };
}
