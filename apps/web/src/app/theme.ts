import type { ThemeConfig } from 'antd';

/** Government-blue primary colour; everything else is antd's default look officials already know. */
export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1554ad',
    colorInfo: '#1554ad',
    borderRadius: 6,
  },
  components: {
    Layout: { headerHeight: 56 },
  },
};
