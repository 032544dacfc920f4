import { REPORT_LIMITS } from '@zhiben/contracts';

/** The formats the server accepts (it sniffs the bytes; this check only spares a reporter a failed upload). */
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];
const LIMIT_MB = REPORT_LIMITS.maxPhotoBytes / 1024 / 1024;
/** Re-encoding steps for a photo over the limit: a phone photo at 12+ MP often is. */
const SHRINK_STEPS = [
  { maxSide: 2560, quality: 0.85 },
  { maxSide: 1920, quality: 0.75 },
  { maxSide: 1440, quality: 0.7 },
];

export type PreparedPhoto = { ok: true; file: File } | { ok: false; problem: string };

const labelOf = (file: File) => (file.name ? `“${file.name.slice(0, 40)}”` : '所选文件');

async function decode(file: File): Promise<ImageBitmap | null> {
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/** The photo as a JPEG within the size limit, or null when the browser cannot read or shrink it enough. */
async function reencode(file: File): Promise<File | null> {
  const bitmap = await decode(file);
  if (!bitmap) return null;
  try {
    for (const step of SHRINK_STEPS) {
      const scale = Math.min(1, step.maxSide / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      const context = canvas.getContext('2d');
      if (!context) return null;
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const blob = await toJpeg(canvas, step.quality);
      if (blob && blob.size > 0 && blob.size <= REPORT_LIMITS.maxPhotoBytes) {
        const name = `${(file.name || 'photo').replace(/\.[^.]*$/, '')}.jpg`;
        return new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified });
      }
    }
    return null;
  } finally {
    bitmap.close();
  }
}

/**
 * Checks a picked file against the server's rules (JPEG / PNG / WebP, at most 5 MB each) before uploading. A real
 * photo that is too large or in another image format (HEIC, GIF …) is re-encoded as JPEG on the phone rather than
 * refused; anything that is not an image the browser can read is refused with a message naming the file.
 */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  if (file.size === 0) return { ok: false, problem: `${labelOf(file)}是空文件，请重新拍摄` };
  if (file.type && !file.type.startsWith('image/')) {
    return { ok: false, problem: `${labelOf(file)}不是图片，只能上传照片（JPEG、PNG 或 WebP 格式）` };
  }
  if (ACCEPTED.includes(file.type) && file.size <= REPORT_LIMITS.maxPhotoBytes) {
    // A file named and typed as a photo that no browser can show would only fail on the server: say so now.
    const bitmap = await decode(file);
    if (!bitmap) return { ok: false, problem: `${labelOf(file)}不是可识别的图片，只能上传照片（JPEG、PNG 或 WebP 格式）` };
    bitmap.close();
    return { ok: true, file };
  }
  const converted = await reencode(file);
  if (converted) return { ok: true, file: converted };
  if (file.size > REPORT_LIMITS.maxPhotoBytes) {
    return {
      ok: false,
      problem: `${labelOf(file)}超过 ${LIMIT_MB} MB，且无法压缩，请重新拍摄或选择较小的照片（每张不超过 ${LIMIT_MB} MB）`,
    };
  }
  return { ok: false, problem: `${labelOf(file)}不是可识别的图片，只能上传照片（JPEG、PNG 或 WebP 格式）` };
}
