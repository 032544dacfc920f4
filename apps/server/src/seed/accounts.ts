import type { Role } from '@zhiben/contracts';

/** The demo password of every demo account (issue #2); it satisfies the password rule. */
export const DEMO_PASSWORD = 'Demo@2024';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  /** 'township' accounts attach to this region code; enterprise accounts to the demo enterprise. */
  regionCode?: string;
  enterprise?: boolean;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'bureau_admin' },
  { username: 'officer', displayName: '王建军（安全综合监督三股）', role: 'bureau_officer' },
  { username: 'leader', displayName: '李局长', role: 'bureau_leader' },
  { username: 'township', displayName: '赵晓东（韩店街道应急办）', role: 'township_officer', regionCode: '140404001' },
  { username: 'expert', displayName: '孙工（粉尘防爆专家）', role: 'expert' },
  { username: 'principal', displayName: '张国强', role: 'enterprise_principal', enterprise: true },
  { username: 'safety', displayName: '刘海波', role: 'enterprise_safety_manager', enterprise: true },
  { username: 'staff', displayName: '陈小明', role: 'enterprise_staff', enterprise: true },
];
