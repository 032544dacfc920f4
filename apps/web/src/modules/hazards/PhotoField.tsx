import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { PhotoStrip } from '../self-inspection/PhotoThumbs';
import { usePhotoUploads } from '../self-inspection/usePhotoUploads';

const MAX_PHOTOS = 9;

/**
 * A form control for evidence photos (value: the stored photos' hashes). Each photo is uploaded through the
 * files module as soon as it is picked (as on the inspection page); the hazard request then names the hashes.
 * `onBusyChange` tells the dialog that uploads are still running (or failed), so it cannot be sent half-done.
 */
export function PhotoField({
  value,
  onChange,
  onBusyChange,
  testIdPrefix,
}: {
  value?: string[];
  onChange?: (hashes: string[]) => void;
  onBusyChange?: (busy: boolean) => void;
  testIdPrefix: string;
}) {
  const { message } = App.useApp();
  const hashes = value ?? [];
  // Two uploads may finish before the next render: each appends to the latest list, not to the rendered one.
  const latest = useRef(hashes);
  latest.current = hashes;
  const { uploads, add, retry, remove } = usePhotoUploads((_itemId, hash) => {
    if (latest.current.includes(hash)) return;
    const next = [...latest.current, hash];
    latest.current = next;
    onChange?.(next);
  });

  const busy = uploads.length > 0;
  const busyRef = useRef(onBusyChange);
  busyRef.current = onBusyChange;
  useEffect(() => busyRef.current?.(busy), [busy]);

  return (
    <div>
      <PhotoStrip
        hashes={hashes}
        uploads={uploads}
        max={MAX_PHOTOS}
        onPick={(files) => {
          const room = MAX_PHOTOS - hashes.length - uploads.length;
          if (files.length > room) message.warning(`最多 ${MAX_PHOTOS} 张照片，多出的未添加`);
          for (const file of files.slice(0, Math.max(room, 0))) {
            const problem = add('photos', file);
            if (problem) message.error(problem);
          }
        }}
        onRemove={(hash) => onChange?.(hashes.filter((h) => h !== hash))}
        onRetry={retry}
        onDiscardUpload={remove}
        testIdPrefix={testIdPrefix}
      />
    </div>
  );
}
