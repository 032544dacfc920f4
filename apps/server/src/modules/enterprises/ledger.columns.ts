import {
  type CreateEnterpriseBody,
  ENTERPRISE_STATUS_LABELS,
  type EnterpriseDto,
  type RiskTagDto,
  SCALE_LABELS,
  SECTOR_LABELS,
  STANDARDIZATION_LEVEL_LABELS,
} from '@zhiben/contracts';
import { cleanText, parseBoolCell, parseEnumCell, parseExcelDate, parseIntCell } from '@zhiben/domain';
import type { RegistryCatalogs } from './enterprises.rules.js';

/** A parsed cell: the value to put in the record, or why it cannot be read. */
export type CellResult = { ok: true; value: unknown } | { ok: false; reason: string };
export type CellValue = string | number | boolean | Date | null;

/**
 * One column of the enterprise ledger (台账). The same list drives the import template, the export and the
 * import parser, so an exported file always re-imports: headers, order and value formats are one definition.
 */
export interface LedgerColumn {
  header: string;
  required: boolean;
  width: number;
  /** Record field this column fills (tag columns fill riskTags together). */
  field: keyof CreateEnterpriseBody | 'sector' | 'tag';
  /** Values offered in the template's drop-down. */
  options?: string[];
  write(row: EnterpriseDto, catalogs: RegistryCatalogs): CellValue;
  read(cell: CellValue, catalogs: RegistryCatalogs): CellResult;
}

const text = (cell: CellValue): string =>
  cell === null ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : cleanText(String(cell));
const optionalText = (cell: CellValue): CellResult => ({ ok: true, value: text(cell) || null });
const requiredText =
  (label: string) =>
  (cell: CellValue): CellResult => {
    const value = text(cell);
    return value ? { ok: true, value } : { ok: false, reason: `${label}不能为空` };
  };
/** Codes and phone numbers: full-width digits folded, every space removed. */
const codeText = (cell: CellValue): string => text(cell).replace(/\s/g, '');
const optionalCode = (cell: CellValue): CellResult => ({ ok: true, value: codeText(cell) || null });

function enumColumn<K extends string>(labels: Record<K, string>, required: boolean, label: string, fallback?: K) {
  return (cell: CellValue): CellResult => {
    if (text(cell) === '')
      return fallback ? { ok: true, value: fallback } : required ? { ok: false, reason: `${label}不能为空` } : { ok: true, value: null };
    const parsed = parseEnumCell(text(cell), labels);
    return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, reason: parsed.reason };
  };
}

const intColumn =
  (label: string, required: boolean) =>
  (cell: CellValue): CellResult => {
    if (text(cell) === '') return required ? { ok: false, reason: `${label}不能为空` } : { ok: true, value: 0 };
    const parsed = parseIntCell(cell);
    return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, reason: parsed.reason };
  };

const boolColumn = (cell: CellValue): CellResult => {
  if (text(cell) === '') return { ok: true, value: false };
  const parsed = parseBoolCell(cell);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, reason: parsed.reason };
};

const numberColumn =
  (label: string) =>
  (cell: CellValue): CellResult => {
    const value = text(cell);
    if (value === '') return { ok: true, value: null };
    const n = Number(value);
    return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, reason: `${label}应为数字` };
  };

const yesNo = (v: boolean) => (v ? '是' : '否');

function regionColumn(catalogs: RegistryCatalogs): LedgerColumn {
  return {
    header: '所属乡镇（街道、园区）',
    required: true,
    width: 22,
    field: 'regionId',
    options: [...catalogs.regions.values()].filter((r) => r.kind !== 'district').map((r) => r.name),
    write: (row) => row.regionName,
    read: (cell, catalogs) => {
      const name = text(cell);
      if (!name) return { ok: false, reason: '所属乡镇（街道、园区）不能为空' };
      const region = [...catalogs.regions.values()].find(
        (r) => r.kind !== 'district' && (r.name === name || r.name.replace(/[街道镇乡]$/, '') === name),
      );
      return region ? { ok: true, value: region.id } : { ok: false, reason: `「${name}」不是本辖区的乡镇（街道、园区）` };
    },
  };
}

/** One column per top-level tag: 是/否, or the child tag's name for a tag that needs one (粉尘涉爆 → 木粉尘 …). */
function tagColumns(tags: RiskTagDto[]): LedgerColumn[] {
  return tags
    .filter((t) => t.parentCode === null)
    .map((tag) => {
      const children = tags.filter((c) => c.parentCode === tag.code);
      const choice = tag.requiresOneChild && children.length > 0;
      return {
        header: choice ? `${tag.name}（类别）` : tag.name,
        required: false,
        width: choice ? 18 : 10,
        field: 'tag' as const,
        options: choice ? ['否', ...children.map((c) => c.name)] : ['是', '否'],
        write: (row: EnterpriseDto) => {
          if (!row.riskTags.includes(tag.code)) return '否';
          if (!choice) return '是';
          return children.find((c) => row.riskTags.includes(c.code))?.name ?? '是';
        },
        read: (cell: CellValue): CellResult => {
          const value = text(cell);
          if (value === '' || value === '否' || value === '无') return { ok: true, value: [] };
          if (!choice) {
            const parsed = parseBoolCell(cell);
            if (!parsed.ok) return { ok: false, reason: parsed.reason };
            return { ok: true, value: parsed.value ? [tag.code] : [] };
          }
          const child = children.find((c) => c.name === value || c.name.replace(/（.*）$/, '') === value);
          return child
            ? { ok: true, value: [tag.code, child.code] }
            : { ok: false, reason: `「${value}」不是有效的${tag.name}类别，可选：${children.map((c) => c.name).join('、')}` };
        },
      };
    });
}

export function ledgerColumns(catalogs: RegistryCatalogs): LedgerColumn[] {
  return [
    { header: '企业名称', required: true, width: 34, field: 'name', write: (r) => r.name, read: requiredText('企业名称') },
    {
      header: '统一社会信用代码',
      required: true,
      width: 22,
      field: 'creditCode',
      write: (r) => r.creditCode,
      read: (cell) => (codeText(cell) ? { ok: true, value: codeText(cell) } : { ok: false, reason: '统一社会信用代码不能为空' }),
    },
    {
      header: '国民经济行业代码',
      required: true,
      width: 12,
      field: 'industryCode',
      write: (r) => r.industryCode,
      read: (cell) => (codeText(cell) ? { ok: true, value: codeText(cell) } : { ok: false, reason: '国民经济行业代码不能为空' }),
    },
    {
      header: '监管行业',
      required: false,
      width: 10,
      field: 'sector',
      options: Object.values(SECTOR_LABELS),
      write: (r) => (r.sector ? SECTOR_LABELS[r.sector] : ''),
      read: enumColumn(SECTOR_LABELS, false, '监管行业'),
    },
    {
      header: '监管行业指定理由',
      required: false,
      width: 20,
      field: 'sectorOverrideReason',
      write: (r) => r.sectorOverrideReason ?? '',
      read: optionalText,
    },
    regionColumn(catalogs),
    { header: '详细地址', required: false, width: 36, field: 'address', write: (r) => r.address ?? '', read: optionalText },
    {
      header: '企业规模',
      required: true,
      width: 10,
      field: 'scale',
      options: Object.values(SCALE_LABELS),
      write: (r) => SCALE_LABELS[r.scale],
      read: enumColumn(SCALE_LABELS, true, '企业规模'),
    },
    { header: '从业人数', required: true, width: 9, field: 'employees', write: (r) => r.employees, read: intColumn('从业人数', true) },
    {
      header: '涉粉作业人数',
      required: false,
      width: 11,
      field: 'dustWorkers',
      write: (r) => r.dustWorkers,
      read: intColumn('涉粉作业人数', false),
    },
    { header: '主要负责人', required: false, width: 10, field: 'principalName', write: (r) => r.principalName ?? '', read: optionalText },
    {
      header: '主要负责人电话',
      required: false,
      width: 14,
      field: 'principalPhone',
      write: (r) => r.principalPhone ?? '',
      read: optionalCode,
    },
    {
      header: '安全管理人员',
      required: false,
      width: 10,
      field: 'safetyManagerName',
      write: (r) => r.safetyManagerName ?? '',
      read: optionalText,
    },
    {
      header: '安全管理人员电话',
      required: false,
      width: 14,
      field: 'safetyManagerPhone',
      write: (r) => r.safetyManagerPhone ?? '',
      read: optionalCode,
    },
    {
      header: '生产状态',
      required: true,
      width: 9,
      field: 'status',
      options: Object.values(ENTERPRISE_STATUS_LABELS),
      write: (r) => ENTERPRISE_STATUS_LABELS[r.status],
      read: enumColumn(ENTERPRISE_STATUS_LABELS, true, '生产状态'),
    },
    {
      header: '标准化等级',
      required: false,
      width: 10,
      field: 'standardizationLevel',
      options: Object.values(STANDARDIZATION_LEVEL_LABELS),
      write: (r) => STANDARDIZATION_LEVEL_LABELS[r.standardizationLevel],
      read: enumColumn(STANDARDIZATION_LEVEL_LABELS, false, '标准化等级', 'none'),
    },
    {
      header: '标准化有效期至',
      required: false,
      width: 13,
      field: 'standardizationExpiry',
      write: (r) => r.standardizationExpiry ?? '',
      read: (cell) => {
        if (text(cell) === '') return { ok: true, value: null };
        const parsed = parseExcelDate(cell);
        return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, reason: parsed.reason };
      },
    },
    {
      header: '国有企业',
      required: false,
      width: 9,
      field: 'stateOwned',
      options: ['是', '否'],
      write: (r) => yesNo(r.stateOwned),
      read: boolColumn,
    },
    {
      header: '劳动密集型',
      required: false,
      width: 10,
      field: 'labourIntensive',
      options: ['是', '否'],
      write: (r) => yesNo(r.labourIntensive),
      read: boolColumn,
    },
    {
      header: '厂中厂',
      required: false,
      width: 8,
      field: 'factoryInFactory',
      options: ['是', '否'],
      write: (r) => yesNo(r.factoryInFactory),
      read: boolColumn,
    },
    { header: '经度', required: false, width: 11, field: 'longitude', write: (r) => r.longitude ?? '', read: numberColumn('经度') },
    { header: '纬度', required: false, width: 11, field: 'latitude', write: (r) => r.latitude ?? '', read: numberColumn('纬度') },
    ...tagColumns(catalogs.tags),
  ];
}

/** Header text as officials type it: without the required-mark, spaces, or full-width/half-width bracket differences. */
export function normalizeHeader(value: string): string {
  return cleanText(value)
    .replace(/[*＊\s]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}
