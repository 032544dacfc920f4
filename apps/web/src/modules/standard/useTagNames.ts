import { useMemo } from 'react';
import { useRiskTags } from './standard.api';

/** Tag code → Chinese name from the catalog (codes are shown as-is until it loads or when it cannot be read). */
export function useTagNames(): { names: Readonly<Record<string, string>>; options: { value: string; label: string }[] } {
  const tags = useRiskTags();
  return useMemo(() => {
    const items = tags.data?.items ?? [];
    const names = Object.fromEntries(items.map((t) => [t.code, t.name]));
    const options = items.map((t) => ({
      value: t.code,
      label: t.parentCode ? `${names[t.parentCode] ?? t.parentCode} › ${t.name}` : t.category === 'process' ? `${t.name}（工艺）` : t.name,
    }));
    return { names, options };
  }, [tags.data]);
}
