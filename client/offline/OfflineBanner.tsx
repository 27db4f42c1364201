import { parisTime } from '../app/time.js';
import { useT } from '../i18n/index.js';
import type { ConnectionState } from '../room/useRoom.js';

interface OfflineBannerProps {
  connection: ConnectionState;
  /** Server time of the last sign of the server; null when this device never reached it. */
  lastContactAt: number | null;
  /** Commands kept on this device, waiting for the network. */
  pending: number;
}

/**
 * Says, above everything, that what the page shows is the last known state and since when (issue 15): a cell
 * must never take a stale screen for the live room. The time is the wall clock in Paris, labelled as such.
 */
export function OfflineBanner({ connection, lastContactAt, pending }: OfflineBannerProps) {
  const { t } = useT();
  if (connection !== 'offline' && connection !== 'reconnecting') return null;
  const since = lastContactAt === null ? t('offline.bannerNever') : t('offline.banner', { time: parisTime(lastContactAt) });
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner" data-state={connection}>
      <strong>{since}</strong> {t('offline.lastKnownState')}
      {pending > 0 && <span data-testid="offline-pending-count"> {t('offline.pending', { count: String(pending) })}</span>}
    </div>
  );
}
