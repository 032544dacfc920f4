import {
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CameraOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DesktopOutlined,
  EyeOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FundOutlined,
  FundProjectionScreenOutlined,
  HddOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  PushpinOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SlidersOutlined,
  SolutionOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { MeResponse, RoleSide } from '@zhiben/contracts';
import type { ComponentType } from 'react';
import { type Access, canAccess, sideOf } from './access';
import { PAGE_ACCESS } from './pageAccess';

/**
 * The left menu, as data (UI.md "Menus by side"). Only pages that exist are listed; add an entry here when
 * its route is added in router.tsx. An entry is shown when the user passes its page's `access` and, when
 * `sides` is set, belongs to one of those sides. Groups without a visible child are hidden.
 */
export interface MenuLeaf {
  key: string;
  label: string;
  path: string;
  icon?: ComponentType;
  access: Access;
  /** Restricts the menu entry (not the route) to these sides, e.g. 首页 vs 工作台. */
  sides?: readonly RoleSide[];
}

export interface MenuGroup {
  key: string;
  label: string;
  icon: ComponentType;
  children: readonly MenuLeaf[];
}

export type MenuEntry = MenuLeaf | MenuGroup;

const NOT_ENTERPRISE: readonly RoleSide[] = ['bureau', 'township', 'expert'];

export const MENU: readonly MenuEntry[] = [
  { key: 'home', label: '首页', path: '/', icon: DashboardOutlined, access: PAGE_ACCESS.home, sides: NOT_ENTERPRISE },
  { key: 'workbench', label: '工作台', path: '/', icon: DesktopOutlined, access: PAGE_ACCESS.home, sides: ['enterprise'] },
  { key: 'my-enterprise', label: '企业信息', path: '/my/enterprise', icon: ProfileOutlined, access: PAGE_ACCESS.myEnterprise },
  {
    key: 'enterprise-management',
    label: '企业管理',
    icon: BankOutlined,
    children: [
      {
        key: 'enterprises',
        label: '企业台账',
        path: '/enterprises',
        icon: UnorderedListOutlined,
        access: PAGE_ACCESS.enterprises,
        sides: NOT_ENTERPRISE,
      },
      { key: 'classification', label: '分级分类', path: '/classification', icon: ClusterOutlined, access: PAGE_ACCESS.classification },
    ],
  },
  {
    key: 'self-inspection',
    label: '自查自改',
    icon: SafetyCertificateOutlined,
    children: [
      {
        key: 'self-inspection-run',
        label: '开展检查',
        path: '/self-inspection',
        icon: CameraOutlined,
        access: PAGE_ACCESS.inspections,
        sides: ['enterprise'],
      },
      {
        key: 'my-checklist',
        label: '本企业清单',
        path: '/self-inspection/checklist',
        icon: FileSearchOutlined,
        access: PAGE_ACCESS.checklist,
      },
    ],
  },
  { key: 'my-hazards', label: '隐患整改', path: '/hazards', icon: WarningOutlined, access: PAGE_ACCESS.hazards, sides: ['enterprise'] },
  { key: 'my-reports', label: '员工举报与奖励', path: '/my/reports', icon: NotificationOutlined, access: PAGE_ACCESS.myReports },
  {
    key: 'my-monitoring',
    label: '监测报警',
    icon: AlertOutlined,
    children: [
      {
        key: 'my-monitoring-overview',
        label: '监测总览',
        path: '/monitoring',
        icon: FundProjectionScreenOutlined,
        access: PAGE_ACCESS.monitoring,
        sides: ['enterprise'],
      },
      {
        key: 'my-alarms',
        label: '报警处置',
        path: '/monitoring/alarms',
        icon: AlertOutlined,
        access: PAGE_ACCESS.monitoringAlarms,
        sides: ['enterprise'],
      },
      {
        key: 'my-devices',
        label: '监测设备',
        path: '/monitoring/devices',
        icon: HddOutlined,
        access: PAGE_ACCESS.monitoringDevices,
        sides: ['enterprise'],
      },
    ],
  },
  {
    key: 'hazard-governance',
    label: '隐患治理',
    icon: WarningOutlined,
    children: [
      {
        key: 'hazards',
        label: '隐患台账',
        path: '/hazards',
        icon: UnorderedListOutlined,
        access: PAGE_ACCESS.hazards,
        sides: NOT_ENTERPRISE,
      },
      {
        key: 'zeroing',
        label: '动态清零',
        path: '/hazards/zeroing',
        icon: FundOutlined,
        access: PAGE_ACCESS.zeroing,
        sides: NOT_ENTERPRISE,
      },
      {
        key: 'supervision',
        label: '挂牌督办',
        path: '/hazards/supervision',
        icon: PushpinOutlined,
        access: PAGE_ACCESS.supervision,
        sides: NOT_ENTERPRISE,
      },
      {
        key: 'inspections',
        label: '企业自查记录',
        path: '/self-inspection',
        icon: OrderedListOutlined,
        access: PAGE_ACCESS.inspections,
        sides: NOT_ENTERPRISE,
      },
      {
        key: 'inspection-stats',
        label: '自查统计',
        path: '/self-inspection/stats',
        icon: BarChartOutlined,
        access: PAGE_ACCESS.inspectionStats,
      },
      {
        key: 'principal-compliance',
        label: '负责人带队检查',
        path: '/self-inspection/principal-compliance',
        icon: FlagOutlined,
        access: PAGE_ACCESS.principalCompliance,
      },
      { key: 'employee-reports', label: '员工举报', path: '/reports', icon: NotificationOutlined, access: PAGE_ACCESS.reports },
    ],
  },
  {
    key: 'monitoring',
    label: '监测预警',
    icon: AlertOutlined,
    children: [
      {
        key: 'monitoring-overview',
        label: '总览',
        path: '/monitoring',
        icon: FundProjectionScreenOutlined,
        access: PAGE_ACCESS.monitoring,
        sides: NOT_ENTERPRISE,
      },
      {
        key: 'alarms',
        label: '报警处置',
        path: '/monitoring/alarms',
        icon: AlertOutlined,
        access: PAGE_ACCESS.monitoringAlarms,
        sides: NOT_ENTERPRISE,
      },
      { key: 'rollout', label: '接入进度', path: '/monitoring/rollout', icon: RiseOutlined, access: PAGE_ACCESS.monitoringRollout },
      {
        key: 'devices',
        label: '设备',
        path: '/monitoring/devices',
        icon: HddOutlined,
        access: PAGE_ACCESS.monitoringDevices,
        sides: NOT_ENTERPRISE,
      },
      {
        key: 'monitoring-limits',
        label: '阈值限值',
        path: '/monitoring/limits',
        icon: SlidersOutlined,
        access: PAGE_ACCESS.monitoringLimits,
      },
    ],
  },
  {
    key: 'enforcement',
    label: '执法检查',
    icon: SolutionOutlined,
    children: [
      {
        key: 'enforcement-plans',
        label: '执法计划',
        path: '/enforcement/plans',
        icon: CalendarOutlined,
        access: PAGE_ACCESS.enforcementPlans,
      },
      {
        key: 'enforcement-tasks',
        label: '检查任务',
        path: '/enforcement/tasks',
        icon: ScheduleOutlined,
        access: PAGE_ACCESS.enforcementTasks,
        sides: NOT_ENTERPRISE,
      },
      {
        key: 'my-enforcement-tasks',
        label: '检查记录',
        path: '/enforcement/tasks',
        icon: ScheduleOutlined,
        access: PAGE_ACCESS.enforcementTasks,
        sides: ['enterprise'],
      },
      {
        key: 'enforcement-patrol',
        label: '线上巡查',
        path: '/enforcement/patrol',
        icon: EyeOutlined,
        access: PAGE_ACCESS.enforcementPatrol,
      },
      {
        key: 'enforcement-cases',
        label: '案件',
        path: '/enforcement/cases',
        icon: FileProtectOutlined,
        access: PAGE_ACCESS.enforcementCases,
      },
      {
        key: 'enforcement-stats',
        label: '执法统计',
        path: '/enforcement/stats',
        icon: BarChartOutlined,
        access: PAGE_ACCESS.enforcementStats,
      },
      {
        key: 'enforcement-measures',
        label: '通报约谈曝光',
        path: '/enforcement/measures',
        icon: NotificationOutlined,
        access: PAGE_ACCESS.enforcementMeasures,
      },
      {
        key: 'enforcement-document-settings',
        label: '执法文书设置',
        path: '/enforcement/document-settings',
        icon: SettingOutlined,
        access: PAGE_ACCESS.enforcementDocumentSettings,
      },
      {
        key: 'my-enforcement-cases',
        label: '我的处罚',
        path: '/my/enforcement/cases',
        icon: FileProtectOutlined,
        access: PAGE_ACCESS.myEnforcementCases,
      },
    ],
  },
  { key: 'my-users', label: '人员账号', path: '/my/users', icon: TeamOutlined, access: PAGE_ACCESS.myUsers },
  {
    key: 'system',
    label: '系统管理',
    icon: SettingOutlined,
    children: [
      { key: 'admin-users', label: '用户管理', path: '/admin/users', icon: UserOutlined, access: PAGE_ACCESS.adminUsers },
      { key: 'admin-regions', label: '行政区划', path: '/admin/regions', icon: ApartmentOutlined, access: PAGE_ACCESS.regions },
      {
        key: 'admin-standard',
        label: '清单库',
        path: '/admin/standard',
        icon: BookOutlined,
        access: PAGE_ACCESS.standard,
        sides: NOT_ENTERPRISE,
      },
      { key: 'admin-channels', label: '通知渠道', path: '/admin/channels', icon: ApiOutlined, access: PAGE_ACCESS.channels },
      { key: 'admin-audit', label: '审计日志', path: '/admin/audit', icon: AuditOutlined, access: PAGE_ACCESS.audit },
    ],
  },
];

export function isGroup(entry: MenuEntry): entry is MenuGroup {
  return 'children' in entry;
}

function leafVisible(me: MeResponse, leaf: MenuLeaf): boolean {
  return canAccess(me, leaf.access) && (!leaf.sides || leaf.sides.includes(sideOf(me)));
}

/** The menu as this user sees it. */
export function visibleMenu(me: MeResponse): MenuEntry[] {
  const out: MenuEntry[] = [];
  for (const entry of MENU) {
    if (isGroup(entry)) {
      const children = entry.children.filter((c) => leafVisible(me, c));
      if (children.length > 0) out.push({ ...entry, children });
    } else if (leafVisible(me, entry)) {
      out.push(entry);
    }
  }
  return out;
}

/** Every visible page, flattened (home-page shortcuts). */
export function visibleLeaves(me: MeResponse): MenuLeaf[] {
  return visibleMenu(me).flatMap((e) => (isGroup(e) ? [...e.children] : [e]));
}

/** The leaf whose path matches the current location best (selected key), and its group (open key). */
export function menuMatch(entries: readonly MenuEntry[], pathname: string): { selected?: string; open?: string } {
  let best: { selected: string; open?: string; length: number } | undefined;
  const consider = (leaf: MenuLeaf, group?: MenuGroup) => {
    const hit = leaf.path === '/' ? pathname === '/' : pathname === leaf.path || pathname.startsWith(`${leaf.path}/`);
    if (hit && (!best || leaf.path.length > best.length)) best = { selected: leaf.key, open: group?.key, length: leaf.path.length };
  };
  for (const entry of entries) {
    if (isGroup(entry)) for (const child of entry.children) consider(child, entry);
    else consider(entry);
  }
  return best ? { selected: best.selected, ...(best.open ? { open: best.open } : {}) } : {};
}
