import { Menu, type MenuProps } from 'antd';
import { createElement, useEffect, useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { isGroup, type MenuEntry, type MenuLeaf, menuMatch, visibleMenu } from './menu';
import { useSession } from './session';

type Item = NonNullable<MenuProps['items']>[number];

function leafItem(leaf: MenuLeaf): Item {
  return {
    key: leaf.key,
    icon: leaf.icon ? createElement(leaf.icon) : undefined,
    label: <Link to={leaf.path}>{leaf.label}</Link>,
    'data-testid': `menu-${leaf.key}`,
  };
}

function toItems(entries: readonly MenuEntry[]): Item[] {
  return entries.map((entry) =>
    isGroup(entry)
      ? {
          key: entry.key,
          icon: createElement(entry.icon),
          label: entry.label,
          children: entry.children.map(leafItem),
          'data-testid': `menu-${entry.key}`,
        }
      : leafItem(entry),
  );
}

/** The left menu for the signed-in user's side and permissions. */
export function SideMenu({ collapsed = false, onNavigate }: { collapsed?: boolean; onNavigate?: () => void }) {
  const me = useSession();
  const { pathname } = useLocation();
  const entries = useMemo(() => visibleMenu(me), [me]);
  const items = useMemo(() => toItems(entries), [entries]);
  const match = menuMatch(entries, pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(() => entries.filter(isGroup).map((g) => g.key));

  // Opening a page inside a collapsed group (by link or history) opens that group.
  useEffect(() => {
    const group = match.open;
    if (group) setOpenKeys((keys) => (keys.includes(group) ? keys : [...keys, group]));
  }, [match.open]);

  return (
    <Menu
      mode="inline"
      theme="dark"
      items={items}
      selectedKeys={match.selected ? [match.selected] : []}
      {...(collapsed ? {} : { openKeys, onOpenChange: setOpenKeys })}
      onClick={onNavigate}
      data-testid="app-menu"
    />
  );
}
