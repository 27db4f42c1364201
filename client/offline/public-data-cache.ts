/**
 * The service worker's cache of public reference data (region boundaries, establishments, map settings): the same
 * for every room, nothing personal. Its last copy serves offline (see the runtime caching in vite.config.ts).
 */
export const publicDataCacheName = 'orsan-public-data';

/**
 * Puts `url` in that cache from the page itself when no worker controls the page yet (the first visit, before the
 * worker is installed): otherwise the region opened on the first visit would be missing offline until a second
 * visit. Once a worker controls the page, its fetches fill the cache as they go.
 */
export function keepForOffline(url: string): void {
  if (typeof caches === 'undefined' || typeof navigator === 'undefined' || !navigator.serviceWorker) return;
  if (navigator.serviceWorker.controller) return;
  void navigator.serviceWorker.ready
    .then(() => caches.open(publicDataCacheName))
    .then((cache) => cache.add(url))
    .catch(() => undefined);
}
