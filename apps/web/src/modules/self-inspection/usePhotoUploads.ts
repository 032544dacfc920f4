import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { photoProblem, uploadPhoto } from './photos';

/** A photo being uploaded (or whose upload failed): shown from the local file until the server has it. */
export interface PhotoUpload {
  id: string;
  itemId: string;
  file: File;
  preview: string;
  progress: number;
  status: 'uploading' | 'error';
  error?: string;
}

let uploadCounter = 0;

/**
 * Photo uploads of the inspection page, kept at page level so that filtering the item list does not cancel
 * them. An upload starts as soon as a photo is taken; a failed one stays with 重试 until it succeeds or is removed.
 */
export function usePhotoUploads(onUploaded: (itemId: string, hash: string) => void) {
  const [uploads, setUploads] = useState<PhotoUpload[]>([]);
  const uploadsRef = useRef(uploads);
  uploadsRef.current = uploads;
  const onUploadedRef = useRef(onUploaded);
  onUploadedRef.current = onUploaded;

  const patch = useCallback((id: string, changes: Partial<PhotoUpload>) => {
    setUploads((list) => list.map((u) => (u.id === id ? { ...u, ...changes } : u)));
  }, []);

  const forget = useCallback((id: string) => {
    setUploads((list) => {
      const gone = list.find((u) => u.id === id);
      if (gone) URL.revokeObjectURL(gone.preview);
      return list.filter((u) => u.id !== id);
    });
  }, []);

  const run = useCallback(
    (upload: PhotoUpload) => {
      uploadPhoto(upload.file, (progress) => patch(upload.id, { progress }))
        .then((stored) => {
          forget(upload.id);
          onUploadedRef.current(upload.itemId, stored.hash);
        })
        .catch((error: unknown) => patch(upload.id, { status: 'error', error: errorMessage(error) }));
    },
    [forget, patch],
  );

  /** Starts uploading; returns a problem (wrong type, too large) instead when the photo cannot be sent. */
  const add = useCallback(
    (itemId: string, file: File): string | null => {
      const problem = photoProblem(file);
      if (problem) return problem;
      uploadCounter += 1;
      const upload: PhotoUpload = {
        id: `u${uploadCounter}`,
        itemId,
        file,
        preview: URL.createObjectURL(file),
        progress: 0,
        status: 'uploading',
      };
      setUploads((list) => [...list, upload]);
      run(upload);
      return null;
    },
    [run],
  );

  const retry = useCallback(
    (id: string) => {
      const upload = uploadsRef.current.find((u) => u.id === id);
      if (!upload) return;
      const again = { ...upload, status: 'uploading' as const, progress: 0 };
      patch(id, { status: 'uploading', progress: 0, error: undefined });
      run(again);
    },
    [patch, run],
  );

  useEffect(
    () => () => {
      for (const u of uploadsRef.current) URL.revokeObjectURL(u.preview);
    },
    [],
  );

  return { uploads, add, retry, remove: forget };
}
