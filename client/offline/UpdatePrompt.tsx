import { useEffect, useState } from 'react';
import type { Workbox } from 'workbox-window';
import { useT } from '../i18n/index.js';

/** How often an open page asks whether a new version was deployed (a crisis room stays open for hours). */
const checkEveryMs = 15 * 60_000;

/**
 * Registers the service worker (the app shell offline) and, when a new version is deployed, offers it: the new
 * worker waits until the person clicks « Recharger » (issue 15). Never a silent reload in the middle of a crisis:
 * a form being typed, a call being logged, must not vanish.
 */
export function UpdatePrompt() {
  const { t } = useT();
  const [waiting, setWaiting] = useState<Workbox | null>(null);

  useEffect(() => {
    // Only in a build (Vite's dev server has no worker) and where the browser allows one (https or localhost).
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    let workbox: Workbox | null = null;
    let timer: ReturnType<typeof setInterval> | null = null;
    const check = () => void workbox?.update().catch(() => undefined);
    void import('workbox-window').then(({ Workbox }) => {
      workbox = new Workbox('/sw.js', { scope: '/' });
      workbox.addEventListener('waiting', () => setWaiting(workbox));
      void workbox.register().catch(() => undefined);
      timer = setInterval(check, checkEveryMs);
    });
    addEventListener('online', check);
    return () => {
      removeEventListener('online', check);
      if (timer) clearInterval(timer);
    };
  }, []);

  if (!waiting) return null;
  const reload = () => {
    // Once the new worker controls the page, load the page it serves.
    waiting.addEventListener('controlling', () => location.reload());
    waiting.messageSkipWaiting();
  };
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      {t('update.available')}{' '}
      <button onClick={reload} data-testid="update-reload">
        {t('update.reload')}
      </button>{' '}
      <button className="link" onClick={() => setWaiting(null)}>
        {t('update.later')}
      </button>
    </div>
  );
}
