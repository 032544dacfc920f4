import ExcelJS from 'exceljs';
import type { CellValue, LedgerColumn } from './ledger.columns.js';
import { normalizeHeader } from './ledger.columns.js';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const TEMPLATE_ROWS = 1000;

/** Writes a ledger sheet: a merged title row, the header row, then data. Template mode adds drop-downs. */
export async function writeLedger(
  columns: LedgerColumn[],
  rows: CellValue[][],
  options: { title: string; template?: boolean },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhiben 治本';
  const sheet = workbook.addWorksheet('企业台账', { views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }] });
  sheet.columns = columns.map((c) => ({ width: c.width }));

  sheet.mergeCells(1, 1, 1, columns.length);
  const title = sheet.getCell(1, 1);
  title.value = options.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };

  const header = sheet.getRow(2);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.required && options.template ? `*${c.header}` : c.header;
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  header.height = 30;
  for (const values of rows) sheet.addRow(values);
  // Codes stay text: Excel would otherwise turn 0355… phones or all-digit codes into numbers.
  for (const key of ['统一社会信用代码', '国民经济行业代码', '主要负责人电话', '安全管理人员电话']) {
    const index = columns.findIndex((c) => c.header === key);
    if (index >= 0) sheet.getColumn(index + 1).numFmt = '@';
  }

  if (options.template) addDropDowns(workbook, sheet, columns);
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}

/** Drop-down lists from a hidden sheet, so long lists (regions) are not limited by Excel's 255-character inline list. */
function addDropDowns(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, columns: LedgerColumn[]) {
  const lists = workbook.addWorksheet('选项', { state: 'hidden' });
  let listIndex = 0;
  columns.forEach((column, i) => {
    if (!column.options?.length) return;
    listIndex++;
    column.options.forEach((option, r) => {
      lists.getCell(r + 1, listIndex).value = option;
    });
    const letter = lists.getColumn(listIndex).letter;
    const formula = `'选项'!$${letter}$1:$${letter}$${column.options.length}`;
    for (let r = 3; r < 3 + TEMPLATE_ROWS; r++) {
      sheet.getCell(r, i + 1).dataValidation = {
        type: 'list',
        allowBlank: !column.required,
        formulae: [formula],
        showErrorMessage: true,
        errorTitle: '请从下拉列表选择',
        error: `「${column.header}」请从下拉列表中选择`,
      };
    }
  });
}

export interface SheetRow {
  /** 1-based Excel row number, as officials see it. */
  rowNumber: number;
  cells: Map<string, CellValue>;
}

export type ReadResult = { ok: true; rows: SheetRow[]; headers: string[] } | { ok: false; message: string };

/** Plain value of an ExcelJS cell (rich text, formulas, hyperlinks, shared strings folded to a primitive). */
function primitive(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return primitive(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return String(value);
}

/**
 * Reads the first sheet that has a header row (a row with both 企业名称 and 统一社会信用代码 within the first
 * 20 rows — merged title rows above it are skipped). Stops at the end of the sheet; blank rows are skipped.
 */
export async function readLedger(buffer: Buffer, known: string[]): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: '无法读取文件：请上传 Excel 2007 及以上格式（.xlsx）的文件' };
  }
  const knownSet = new Set(known.map(normalizeHeader));
  for (const sheet of workbook.worksheets) {
    for (let r = 1; r <= Math.min(20, sheet.rowCount); r++) {
      const row = sheet.getRow(r);
      const headers = new Map<number, string>();
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const value = primitive(cell.value);
        if (typeof value === 'string' && !cell.isMerged) headers.set(col, normalizeHeader(value));
      });
      const names = [...headers.values()];
      if (!names.includes('企业名称') || !names.includes('统一社会信用代码')) continue;
      const rows: SheetRow[] = [];
      for (let d = r + 1; d <= sheet.rowCount; d++) {
        const dataRow = sheet.getRow(d);
        const cells = new Map<string, CellValue>();
        let blank = true;
        for (const [col, name] of headers) {
          if (!knownSet.has(name)) continue;
          const value = primitive(dataRow.getCell(col).value);
          if (value !== null && String(value).trim() !== '') blank = false;
          cells.set(name, value);
        }
        if (!blank) rows.push({ rowNumber: d, cells });
      }
      return { ok: true, rows, headers: names };
    }
  }
  return { ok: false, message: '未找到表头：表格中应有「企业名称」「统一社会信用代码」等列（可先下载导入模板）' };
}
