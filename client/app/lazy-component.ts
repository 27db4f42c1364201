import { lazy, type ComponentType } from 'react';

/** A component loaded with its feature's code (React.lazy), which can also be fetched ahead of its first use. */
export type LazyComponent<P> = ComponentType<P> & { preload(): Promise<unknown> };

/**
 * `React.lazy` with a `preload`: the room page fetches every tab's code once it is idle after opening, so that a
 * tab opens at once (the map, in a crisis, must not wait for its code) while the first paint stays small.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let pending: Promise<{ default: ComponentType<P> }> | null = null;
  const fetchOnce = () => (pending ??= load().then((component) => ({ default: component })));
  return Object.assign(lazy(fetchOnce), { preload: fetchOnce }) as unknown as LazyComponent<P>;
}

/** Fetches the code of components that can be preloaded (the others are already there). */
export function preloadAll(components: ReadonlyArray<object>): void {
  for (const component of components) if ('preload' in component && typeof component.preload === 'function') void component.preload();
}
