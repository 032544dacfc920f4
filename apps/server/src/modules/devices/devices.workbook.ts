import { COLLECTOR_TYPE_LABELS, DEVICE_PROFILES, SIGNALS } from '@zhiben/contracts';
import { cellPrimitive, cleanText } from '@zhiben/domain';
import ExcelJS from 'exceljs';

/** One column of the device register (设备登记表); the template and the import parser share this list. */
export interface DeviceColumn {
  header: string;
  required: boolean;
  width: number;
  note: string;
}

export const DEVICE_COLUMNS: readonly DeviceColumn[] = [
  { header: '统一社会信用代码', required: false, width: 22, note: '区局导入时必填；企业导入时可空（默认本企业）' },
  { header: '设备编号', required: true, width: 14, note: '1–32 位字母、数字、下划线、点或短横线；同一企业内不重复' },
  { header: '设备名称', required: true, width: 24, note: '如“1号砂光除尘器”' },
  { header: '除尘器类型', required: true, width: 14, note: '干式除尘器、湿式除尘器或其他除尘设备' },
  { header: '所属除尘系统', required: false, width: 20, note: '如“1号除尘系统（砂光）”' },
  { header: '安装位置', required: false, width: 20, note: '' },
  { header: '上报间隔（秒）', required: false, width: 12, note: '默认 60 秒' },
  { header: '可选监测项', required: false, width: 36, note: '用顿号或逗号分隔，如“风机运行、火花探测次数”' },
];

/** Header text as users type it: without the required mark, spaces, or full-width / half-width bracket differences. */
export function normalizeHeader(value: string): string {
  return cleanText(value)
    .replace(/[*＊\s]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** 1-based Excel row number, as the user sees it. */
  rowNumber: number;
  cells: Map<string, Cell>;
}

export type ReadResult = { ok: true; rows: SheetRow[]; headers: string[] } | { ok: false; message: string };

/**
 * Reads the first sheet with a header row (设备编号 and 设备名称 within the first 20 rows; merged title rows above
 * it are skipped). Blank rows are skipped.
 */
export async function readDeviceSheet(buffer: Buffer): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: '无法读取文件：请上传 Excel 2007 及以上格式（.xlsx）的文件' };
  }
  const known = new Set(DEVICE_COLUMNS.map((c) => normalizeHeader(c.header)));
  for (const sheet of workbook.worksheets) {
    for (let r = 1; r <= Math.min(20, sheet.rowCount); r++) {
      const headers = new Map<number, string>();
      sheet.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
        const value = cellPrimitive(cell.value);
        if (typeof value === 'string' && !cell.isMerged) headers.set(col, normalizeHeader(value));
      });
      const names = [...headers.values()];
      if (!names.includes('设备编号') || !names.includes('设备名称')) continue;
      const rows: SheetRow[] = [];
      for (let d = r + 1; d <= sheet.rowCount; d++) {
        const cells = new Map<string, Cell>();
        let blank = true;
        for (const [col, name] of headers) {
          if (!known.has(name)) continue;
          const value = cellPrimitive(sheet.getRow(d).getCell(col).value);
          if (value !== null && String(value).trim() !== '') blank = false;
          cells.set(name, value);
        }
        if (!blank) rows.push({ rowNumber: d, cells });
      }
      return { ok: true, rows, headers: names };
    }
  }
  return { ok: false, message: '未找到表头：表格中应有「设备编号」「设备名称」等列（可先下载导入模板）' };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const TEMPLATE_ROWS = 500;

/** The first cell of the template's example row; rows starting with it are not imported. */
export const EXAMPLE_ROW_MARK = '示例（导入时跳过）';

/** The import template: title, header, one example row, a drop-down for the collector type, and a signal list sheet. */
export async function writeDeviceTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhiben 治本';
  const sheet = workbook.addWorksheet('设备登记', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = DEVICE_COLUMNS.map((c) => ({ width: c.width }));
  sheet.mergeCells(1, 1, 1, DEVICE_COLUMNS.length);
  const title = sheet.getCell(1, 1);
  title.value = '粉尘涉爆除尘设备登记表（带 * 为必填；第 2 行为表头，请从第 3 行起填写；示例行请删除）';
  title.font = { bold: true, size: 13 };
  const header = sheet.getRow(2);
  DEVICE_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.required ? `*${c.header}` : c.header;
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    cell.fill = HEADER_FILL;
    if (c.note) cell.note = c.note;
  });
  // The example row is marked in its first cell and skipped by the import: left in the file by mistake it must not
  // create or overwrite a real device (an enterprise user's blank credit code means his own enterprise).
  sheet.addRow([
    EXAMPLE_ROW_MARK,
    'DC01',
    '1号砂光除尘器',
    COLLECTOR_TYPE_LABELS.dry,
    '1号除尘系统（砂光）',
    '砂光车间东侧',
    60,
    '风机运行、火花探测次数',
  ]);
  sheet.getColumn(1).numFmt = '@';
  sheet.getColumn(2).numFmt = '@';
  const types = Object.values(COLLECTOR_TYPE_LABELS).join(',');
  for (let r = 3; r < 3 + TEMPLATE_ROWS; r++) {
    sheet.getCell(r, 4).dataValidation = { type: 'list', allowBlank: false, formulae: [`"${types}"`] };
  }
  const signals = workbook.addWorksheet('监测项说明');
  signals.columns = [{ width: 16 }, { width: 22 }, { width: 40 }, { width: 40 }];
  signals.addRow(['除尘器类型', '必选监测项（自动包含）', '可选监测项', '']).font = { bold: true };
  for (const profile of Object.values(DEVICE_PROFILES)) {
    signals.addRow([
      profile.label,
      profile.mandatorySignals.map((s) => SIGNALS[s].label).join('、') || '（无）',
      profile.optionalSignals.map((s) => SIGNALS[s].label).join('、'),
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
