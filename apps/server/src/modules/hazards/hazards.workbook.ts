import { HAZARD_STATUS_LABELS, SECTOR_LABELS, type Sector, type ZeroingDto } from '@zhiben/contracts';
import ExcelJS from 'exceljs';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

/** An instant as the officials read it: the Asia/Shanghai local date and time. */
function local(iso: string | null): string {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function sheet(workbook: ExcelJS.Workbook, name: string, title: string, columns: { header: string; width: number }[], rows: unknown[][]) {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, columns.length);
  const cell = ws.getCell(1, 1);
  cell.value = title;
  cell.font = { bold: true, size: 14 };
  cell.alignment = { horizontal: 'center' };
  const header = ws.getRow(2);
  columns.forEach((c, i) => {
    const h = header.getCell(i + 1);
    h.value = c.header;
    h.font = { bold: true };
    h.fill = HEADER_FILL;
    h.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  header.height = 24;
  for (const values of rows) ws.addRow(values);
}

const breakdownColumns = (first: string) => [
  { header: first, width: 28 },
  { header: '未销号重大隐患', width: 16 },
  { header: '其中逾期', width: 12 },
  { header: '本年新增', width: 12 },
  { header: '本年销号', width: 12 },
];

/** The 动态清零 board as a workbook: summary, the three breakdowns, enterprises with open major hazards, 挂牌督办. */
export async function zeroingWorkbook(board: ZeroingDto, scopeName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhiben 治本';
  const s = board.summary;
  const asOf = local(board.asOf);
  sheet(
    workbook,
    '汇总',
    `重大事故隐患动态清零情况（${scopeName}，截至 ${asOf}）`,
    [
      { header: '指标', width: 36 },
      { header: '数值', width: 16 },
    ],
    [
      ['未销号重大隐患（个）', s.openMajor],
      ['其中待判定（个）', s.pendingJudgement],
      [`本月新增重大隐患（${board.month.label}）`, s.openedThisMonth],
      [`本月销号重大隐患（${board.month.label}）`, s.closedThisMonth],
      [`本年新增重大隐患（${board.year.label}）`, s.openedThisYear],
      [`本年销号重大隐患（${board.year.label}）`, s.closedThisYear],
      ['逾期未整改重大隐患（个）', s.overdue],
      ['挂牌督办中（个）', s.supervised],
      ['本年平均整改天数（天）', s.averageDaysToClose ?? '—'],
      ['未销号一般隐患（个）', s.openGeneral],
      ['逾期一般隐患（个）', s.overdueGeneral],
    ],
  );
  const rowsOf = (rows: ZeroingDto['bySector'], label: (r: ZeroingDto['bySector'][number]) => string) =>
    rows.map((r) => [label(r), r.open, r.overdue, r.openedThisYear, r.closedThisYear]);
  sheet(
    workbook,
    '按行业',
    '重大隐患按监管行业',
    breakdownColumns('监管行业'),
    rowsOf(board.bySector, (r) => SECTOR_LABELS[r.key as Sector] ?? '未分类'),
  );
  sheet(
    workbook,
    '按乡镇',
    '重大隐患按乡镇（街道、园区）',
    breakdownColumns('乡镇（街道、园区）'),
    rowsOf(board.byRegion, (r) => r.label),
  );
  sheet(
    workbook,
    '按标准条款',
    '重大隐患按判定标准条款',
    breakdownColumns('判定标准条款'),
    rowsOf(board.byArticle, (r) => r.label),
  );
  sheet(
    workbook,
    '重大隐患企业',
    '存在未销号重大隐患的企业',
    [
      { header: '企业名称', width: 36 },
      { header: '乡镇（街道、园区）', width: 18 },
      { header: '监管行业', width: 10 },
      { header: '未销号重大隐患', width: 16 },
      { header: '其中逾期', width: 10 },
      { header: '其中挂牌督办', width: 14 },
      { header: '最近整改期限', width: 18 },
    ],
    board.enterprises.map((e) => [
      e.enterpriseName,
      e.regionName,
      e.sector ? SECTOR_LABELS[e.sector] : '',
      e.open,
      e.overdue,
      e.supervised,
      local(e.nearestDeadline),
    ]),
  );
  sheet(
    workbook,
    '挂牌督办',
    '挂牌督办重大隐患',
    [
      { header: '企业名称', width: 36 },
      { header: '乡镇（街道、园区）', width: 18 },
      { header: '隐患描述', width: 50 },
      { header: '判定标准条款', width: 18 },
      { header: '状态', width: 10 },
      { header: '督办单位', width: 22 },
      { header: '督办期限', width: 18 },
      { header: '整改期限', width: 18 },
      { header: '是否逾期', width: 10 },
    ],
    board.supervision.map((h) => [
      h.enterpriseName,
      h.regionName,
      h.description,
      h.standardItemLabel ?? '',
      HAZARD_STATUS_LABELS[h.status],
      h.supervisingUnit ?? '',
      local(h.supervisionDeadline),
      local(h.deadline),
      h.overdue || h.supervisionOverdue ? '是' : '否',
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
