import { type ComponentType, lazy } from 'react';

/** React.lazy for a named export: each route page becomes its own chunk. */
export function lazyPage<M extends Record<string, unknown>, K extends keyof M & string>(loader: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await loader())[name] as ComponentType }));
}
