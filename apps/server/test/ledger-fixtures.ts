import ExcelJS from 'exceljs';

/**
 * Builds .xlsx files the way officials really produce them: merged title rows above the header, dates as
 * Excel serial numbers or text, full-width digits, trailing spaces.
 */
export interface FixtureRow {
  [header: string]: string | number | Date | null;
}

export async function ledgerFile(rows: FixtureRow[], options: { titleRows?: number; headers?: string[] } = {}): Promise<Buffer> {
  const headers = options.headers ?? Object.keys(rows[0] ?? {});
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  const titleRows = options.titleRows ?? 2;
  for (let i = 1; i <= titleRows; i++) {
    sheet.mergeCells(i, 1, i, headers.length);
    sheet.getCell(i, 1).value = i === 1 ? '上党区工贸企业基本情况统计表' : '填报单位：区应急管理局（盖章）        填报日期：2026年11月';
  }
  sheet.addRow(headers.map((h) => `${h} `)); // trailing spaces in headers, as typed
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** multipart/form-data body with one file field, for app.inject. */
export function multipart(file: Buffer, name = 'ledger.xlsx'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----zhiben${Date.now().toString(16)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Full-width form of ASCII digits/letters, as typed with a Chinese IME in full-width mode. */
export const fullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
