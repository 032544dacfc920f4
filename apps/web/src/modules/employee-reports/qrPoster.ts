const FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';
const WIDTH = 720;
const QR = 480;
/** Top of the QR code: a quiet zone of about four modules below the blue band, which scanners need. */
const QR_TOP = 220;

/** Shrinks the font until one line fits the poster width (long enterprise names). */
function fitText(context: CanvasRenderingContext2D, text: string, weight: string, size: number, maxWidth: number) {
  let px = size;
  context.font = `${weight} ${px}px ${FONT}`;
  while (px > 14 && context.measureText(text).width > maxWidth) {
    px -= 2;
    context.font = `${weight} ${px}px ${FONT}`;
  }
}

/**
 * A printable PNG of the report QR code: the enterprise's name, what the code is for and the address under it, so
 * that a poster on the workshop wall says what it is and still works when typed by hand.
 */
export function qrPoster(qr: HTMLCanvasElement, enterpriseName: string, url: string): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = 900;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('浏览器不支持生成图片'));
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.textAlign = 'center';
  context.textBaseline = 'middle';

  context.fillStyle = '#1554ad';
  context.fillRect(0, 0, WIDTH, 150);
  context.fillStyle = '#ffffff';
  fitText(context, enterpriseName, '600', 34, WIDTH - 60);
  context.fillText(enterpriseName, WIDTH / 2, 58);
  fitText(context, '隐患随手拍 · 扫码报告事故隐患', '400', 28, WIDTH - 60);
  context.fillText('隐患随手拍 · 扫码报告事故隐患', WIDTH / 2, 108);

  context.imageSmoothingEnabled = false;
  context.drawImage(qr, (WIDTH - QR) / 2, QR_TOP, QR, QR);

  context.fillStyle = '#262626';
  fitText(context, '可匿名报告 · 经核实属实的给予奖励', '500', 28, WIDTH - 60);
  context.fillText('可匿名报告 · 经核实属实的给予奖励', WIDTH / 2, 762);
  context.fillStyle = '#8c8c8c';
  fitText(context, url, '400', 18, WIDTH - 40);
  context.fillText(url, WIDTH / 2, 812);
  fitText(context, '上党区应急管理局 · 员工报告隐患奖励制度', '400', 18, WIDTH - 40);
  context.fillText('上党区应急管理局 · 员工报告隐患奖励制度', WIDTH / 2, 856);

  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('二维码图片生成失败'))), 'image/png'),
  );
}
