import { CameraOutlined, CloseOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Image, Progress, Typography } from 'antd';
import { useRef } from 'react';
import { photoUrl } from './photos';
import type { PhotoUpload } from './usePhotoUploads';

const THUMB = 72;

const frame = {
  width: THUMB,
  height: THUMB,
  borderRadius: 8,
  overflow: 'hidden',
  position: 'relative',
  flex: 'none',
  background: '#f5f5f5',
  border: '1px solid #f0f0f0',
} as const;

/** Stored photos as thumbnails; a tap opens the preview (with the other photos of the group). */
export function PhotoGallery({ hashes, testIdPrefix, size = THUMB }: { hashes: readonly string[]; testIdPrefix?: string; size?: number }) {
  if (hashes.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Flex gap={8} wrap>
        {hashes.map((hash, i) => (
          <div key={hash} style={{ ...frame, width: size, height: size }} data-testid={testIdPrefix ? `${testIdPrefix}-${i}` : undefined}>
            <Image src={photoUrl(hash)} width={size} height={size} style={{ objectFit: 'cover' }} alt={`照片 ${i + 1}`} />
          </div>
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}

const removeButton = {
  position: 'absolute',
  top: 2,
  right: 2,
  width: 24,
  height: 24,
  minWidth: 24,
  background: 'rgba(0,0,0,0.55)',
  color: '#fff',
  border: 0,
} as const;

/**
 * The photo row of an inspection item: stored photos, uploads in progress (with a progress ring) or failed (重试),
 * and a big 拍照 button opening the phone's rear camera (a file picker on desktop).
 */
export function PhotoStrip({
  hashes,
  uploads,
  max,
  onPick,
  onRemove,
  onRetry,
  onDiscardUpload,
  testIdPrefix,
}: {
  hashes: readonly string[];
  uploads: readonly PhotoUpload[];
  max: number;
  onPick: (files: File[]) => void;
  onRemove: (hash: string) => void;
  onRetry: (uploadId: string) => void;
  onDiscardUpload: (uploadId: string) => void;
  testIdPrefix: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const full = hashes.length + uploads.length >= max;
  return (
    <Flex gap={8} wrap align="center">
      <Image.PreviewGroup>
        {hashes.map((hash, i) => (
          <div key={hash} style={frame} data-testid={`${testIdPrefix}-photo-${i}`} data-status="done">
            <Image src={photoUrl(hash)} width={THUMB} height={THUMB} style={{ objectFit: 'cover' }} alt={`照片 ${i + 1}`} />
            <Button
              size="small"
              shape="circle"
              icon={<CloseOutlined style={{ fontSize: 11 }} />}
              style={removeButton}
              aria-label={`删除照片 ${i + 1}`}
              onClick={() => onRemove(hash)}
            />
          </div>
        ))}
      </Image.PreviewGroup>
      {uploads.map((u) => (
        <div key={u.id} style={frame} data-testid={`${testIdPrefix}-upload`} data-status={u.status}>
          <img src={u.preview} alt="待上传照片" style={{ width: '100%', height: '100%', objectFit: 'cover', opacity: 0.45 }} />
          <Flex
            vertical
            align="center"
            justify="center"
            style={{ position: 'absolute', inset: 0, background: u.status === 'error' ? 'rgba(255,241,240,0.75)' : undefined }}
          >
            {u.status === 'uploading' ? (
              <Progress type="circle" percent={u.progress} size={40} />
            ) : (
              <Button
                size="small"
                type="link"
                danger
                icon={<ReloadOutlined />}
                onClick={() => onRetry(u.id)}
                title={u.error}
                data-testid={`${testIdPrefix}-upload-retry`}
                style={{ paddingInline: 0 }}
              >
                重试
              </Button>
            )}
          </Flex>
          {u.status === 'error' && (
            <Button
              size="small"
              shape="circle"
              icon={<CloseOutlined style={{ fontSize: 11 }} />}
              style={removeButton}
              aria-label="放弃这张照片"
              onClick={() => onDiscardUpload(u.id)}
            />
          )}
        </div>
      ))}
      {!full && (
        <button
          type="button"
          onClick={() => input.current?.click()}
          style={{
            ...frame,
            border: '1px dashed #bfbfbf',
            background: '#fafafa',
            cursor: 'pointer',
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            justifyContent: 'center',
            gap: 2,
            color: 'rgba(0,0,0,0.65)',
            font: 'inherit',
          }}
          data-testid={`${testIdPrefix}-photo-add`}
        >
          <CameraOutlined style={{ fontSize: 22 }} />
          <span style={{ fontSize: 12 }}>拍照</span>
        </button>
      )}
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        // Not the `hidden` attribute: antd's form reset gives file inputs inside a form `display: block`, which beats it.
        style={{ display: 'none' }}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length) onPick(files);
        }}
        data-testid={`${testIdPrefix}-photo-input`}
      />
      {uploads.some((u) => u.status === 'error') && (
        <Typography.Text type="danger" style={{ fontSize: 12, width: '100%' }}>
          {uploads.find((u) => u.status === 'error')?.error ?? '照片上传失败'}，请点「重试」
        </Typography.Text>
      )}
    </Flex>
  );
}
