import { CameraOutlined, CloseOutlined, PictureOutlined } from '@ant-design/icons';
import { REPORT_LIMITS } from '@zhiben/contracts';
import { Button, Flex, Spin, Typography } from 'antd';
import { useRef } from 'react';

export interface PickedPhoto {
  id: string;
  file: File;
  /** An object URL for the thumbnail (revoked by the owner when the photo is removed). */
  preview: string;
}

const THUMB = 96;

const frame = {
  width: THUMB,
  height: THUMB,
  borderRadius: 10,
  overflow: 'hidden',
  position: 'relative',
  flex: 'none',
  background: '#f0f0f0',
} as const;

/**
 * The photo row of the report page: thumbnails with a remove button, a big 拍照 button that opens the rear camera
 * (`capture="environment"`) and 相册 for photos already taken. Problems of refused files are listed under it.
 */
export function ReportPhotoPicker({
  photos,
  preparing,
  problems,
  disabled,
  onPick,
  onRemove,
}: {
  photos: readonly PickedPhoto[];
  preparing: boolean;
  problems: readonly string[];
  disabled: boolean;
  onPick: (files: File[]) => void;
  onRemove: (id: string) => void;
}) {
  const camera = useRef<HTMLInputElement>(null);
  const album = useRef<HTMLInputElement>(null);
  const full = photos.length >= REPORT_LIMITS.maxPhotos;
  const pick = (e: React.ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    e.target.value = '';
    if (files.length) onPick(files);
  };
  return (
    <Flex vertical gap={10}>
      {photos.length > 0 && (
        <Flex gap={10} wrap data-testid="report-photos">
          {photos.map((p, i) => (
            <div key={p.id} style={frame} data-testid={`report-photo-${i}`}>
              <img src={p.preview} alt={`照片 ${i + 1}`} style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
              <Button
                shape="circle"
                size="small"
                icon={<CloseOutlined style={{ fontSize: 12 }} />}
                aria-label={`删除照片 ${i + 1}`}
                disabled={disabled}
                onClick={() => onRemove(p.id)}
                style={{ position: 'absolute', top: 4, right: 4, background: 'rgba(0,0,0,0.55)', color: '#fff', border: 0 }}
                data-testid={`report-photo-remove-${i}`}
              />
            </div>
          ))}
        </Flex>
      )}
      {!full && (
        <Flex gap={10}>
          <Button
            size="large"
            icon={<CameraOutlined />}
            onClick={() => camera.current?.click()}
            disabled={disabled || preparing}
            style={{ flex: 2, height: 56, fontSize: 16 }}
            data-testid="report-photo-camera"
          >
            拍照
          </Button>
          <Button
            size="large"
            icon={<PictureOutlined />}
            onClick={() => album.current?.click()}
            disabled={disabled || preparing}
            style={{ flex: 1, height: 56, fontSize: 16 }}
            data-testid="report-photo-album"
          >
            相册
          </Button>
        </Flex>
      )}
      {preparing && (
        <Typography.Text type="secondary">
          <Spin size="small" /> 正在处理照片…
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {full
          ? `已选 ${photos.length} 张，最多 ${REPORT_LIMITS.maxPhotos} 张`
          : `选填，最多 ${REPORT_LIMITS.maxPhotos} 张；每张不超过 ${REPORT_LIMITS.maxPhotoBytes / 1024 / 1024} MB，较大的照片会自动压缩`}
      </Typography.Text>
      {problems.map((p) => (
        <Typography.Text key={p} type="danger" data-testid="report-photo-problem">
          {p}
        </Typography.Text>
      ))}
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        onChange={pick}
        data-testid="report-photo-input"
      />
      <input
        ref={album}
        type="file"
        accept="image/*"
        multiple
        style={{ display: 'none' }}
        onChange={pick}
        data-testid="report-photo-album-input"
      />
    </Flex>
  );
}
