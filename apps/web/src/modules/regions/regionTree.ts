import type { RegionDto } from '@zhiben/contracts';

export interface RegionNode extends RegionDto {
  children?: RegionNode[];
}

/** Builds the tree from the flat list (parentId links), keeping the server's order; orphans become roots. */
export function buildRegionTree(items: readonly RegionDto[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>(items.map((r) => [r.id, { ...r }]));
  const roots: RegionNode[] = [];
  for (const region of items) {
    const node = nodes.get(region.id);
    if (!node) continue;
    const parent = region.parentId ? nodes.get(region.parentId) : undefined;
    if (!parent) {
      roots.push(node);
      continue;
    }
    parent.children ??= [];
    parent.children.push(node);
  }
  return roots;
}
