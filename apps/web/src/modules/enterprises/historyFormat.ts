import { ENTERPRISE_STATUS_LABELS, SCALE_LABELS, SECTOR_LABELS, STANDARDIZATION_LEVEL_LABELS } from '@zhiben/contracts';
import { shownTags, type TagCatalog } from './riskTagCatalog';

/** Audit actions of an enterprise's history, as the timeline names them. */
export const HISTORY_ACTION_LABELS: Record<string, string> = {
  'enterprises.created': '新建',
  'enterprises.updated': '修改',
  'enterprises.imported': '台账导入',
};
export const HISTORY_ACTION_COLORS: Record<string, string> = {
  'enterprises.created': 'green',
  'enterprises.updated': 'blue',
  'enterprises.imported': 'purple',
};

/** Snapshot fields that are bookkeeping, not something an official changed. */
export const HIDDEN_HISTORY_FIELDS = new Set(['id', 'regionPath', 'regionName', 'createdAt', 'updatedAt', 'sector']);

const ENUM_LABELS: Record<string, Record<string, string>> = {
  scale: SCALE_LABELS,
  status: ENTERPRISE_STATUS_LABELS,
  standardizationLevel: STANDARDIZATION_LEVEL_LABELS,
  sector: SECTOR_LABELS,
  derivedSector: SECTOR_LABELS,
  sectorOverride: SECTOR_LABELS,
};

export interface HistoryContext {
  catalog: TagCatalog;
  regionName: (id: string) => string | undefined;
}

/** One before/after value in words: enum labels, 是/否, tag and region names, 空 for nothing. */
export function historyValue(field: string, value: unknown, ctx: HistoryContext): string {
  if (value === null || value === undefined || value === '') return '空';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return value.toLocaleString('zh-CN');
  if (field === 'riskTags' && Array.isArray(value)) {
    const codes = value.filter((v): v is string => typeof v === 'string');
    return codes.length
      ? shownTags(ctx.catalog, codes)
          .map((t) => t.label)
          .join('、') || codes.join('、')
      : '无';
  }
  if (typeof value === 'string') {
    const labels = ENUM_LABELS[field];
    if (labels?.[value]) return labels[value];
    if (field === 'regionId') return ctx.regionName(value) ?? value;
    return value;
  }
  if (Array.isArray(value)) return value.length ? value.map(String).join('、') : '无';
  return JSON.stringify(value);
}
