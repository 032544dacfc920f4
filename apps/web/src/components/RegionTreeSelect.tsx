import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useRegions } from '../modules/regions/regions.api';
import { buildRegionTree, type RegionNode } from '../modules/regions/regionTree';

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: TreeOption[];
}

function toOptions(nodes: readonly RegionNode[], districtSelectable: boolean): TreeOption[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.name,
    ...(n.kind === 'district' && !districtSelectable ? { disabled: true } : {}),
    ...(n.children ? { children: toOptions(n.children, districtSelectable) } : {}),
  }));
}

interface RegionTreeSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Township officers belong to a 乡镇/街道/园区, never to the whole district. */
  districtSelectable?: boolean;
  id?: string;
  'data-testid'?: string;
}

/** Region picker over the jurisdiction tree, searchable by name. */
export function RegionTreeSelect({ value, onChange, districtSelectable = false, id, ...rest }: RegionTreeSelectProps) {
  const query = useRegions();
  const treeData = useMemo(() => toOptions(buildRegionTree(query.data?.items ?? []), districtSelectable), [query.data, districtSelectable]);

  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      treeData={treeData}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      loading={query.isFetching}
      placeholder="选择乡镇（街道）或园区"
      notFoundContent={query.isError ? '区划加载失败' : '没有匹配的区划'}
      data-testid={rest['data-testid']}
    />
  );
}
