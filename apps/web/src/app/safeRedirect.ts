/** The `redirect` query parameter, accepted only as a same-site path (never another origin). */
export function safeRedirect(search: string, fallback = '/'): string {
  const target = new URLSearchParams(search).get('redirect');
  if (!target?.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback;
  if (target.startsWith('/login') || target.startsWith('/change-password')) return fallback;
  return target;
}
