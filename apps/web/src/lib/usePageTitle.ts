import { useEffect } from 'react';

const APP_NAME = '治本 · 工贸行业安全生产治本攻坚监管平台';

/** Sets the browser tab title to `页面 - 治本…` while the page is shown. */
export function usePageTitle(title?: string): void {
  useEffect(() => {
    document.title = title ? `${title} - ${APP_NAME}` : APP_NAME;
  }, [title]);
}
