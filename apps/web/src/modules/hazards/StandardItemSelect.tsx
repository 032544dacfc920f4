import type { HazardDto } from '@zhiben/contracts';
import { Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useChecklist } from '../self-inspection/selfInspection.api';

/**
 * 判定依据: an item of the enterprise's current major-hazard checklist (一行业一清单 — the server accepts only
 * those). The hazard's present item stays selectable even when it is of an earlier version of the standard: the
 * server maps it onto the same item of the current version.
 */
export function StandardItemSelect({
  enterpriseId,
  current,
  value,
  onChange,
  id,
  testId,
}: {
  enterpriseId: string | null | undefined;
  current?: HazardDto['standardItem'];
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  testId: string;
}) {
  const checklist = useChecklist(enterpriseId);
  const options = useMemo(() => {
    const items = (checklist.data?.items ?? []).map((i) => ({
      value: i.id,
      label: `${i.articleLabel}${i.itemLabel} ${i.text}`,
      ref: `${i.articleLabel}${i.itemLabel}`,
      text: i.text,
      'data-testid': `${testId}-option-${i.key}`,
    }));
    if (current && !items.some((o) => o.value === current.id)) {
      items.unshift({
        value: current.id,
        label: `${current.articleLabel}${current.itemLabel} ${current.text}`,
        ref: `${current.articleLabel}${current.itemLabel}`,
        text: current.text,
        'data-testid': `${testId}-option-${current.key}`,
      });
    }
    return items;
  }, [checklist.data, current, testId]);

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      allowClear
      disabled={!enterpriseId}
      loading={checklist.isLoading}
      placeholder={enterpriseId ? '搜索条款号或内容，如 第十一条 或 泄爆' : '请先选择企业'}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      notFoundContent={checklist.isError ? '清单加载失败，请重试' : '该企业清单中没有匹配的条款'}
      optionRender={(option) => (
        <div style={{ whiteSpace: 'normal' }}>
          <Typography.Text strong>{option.data.ref}</Typography.Text> <span style={{ fontSize: 13 }}>{option.data.text}</span>
        </div>
      )}
      popupMatchSelectWidth
      data-testid={testId}
    />
  );
}
