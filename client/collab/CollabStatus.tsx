import { useT } from '../i18n/index.js';
import type { DocNotice, DocSnapshot } from './room-doc-connection.js';

interface Props {
  snapshot: DocSnapshot<unknown> | null;
  offlineKey: string;
  connectingKey: string;
  /** The copy was rebuilt after a refused update (`{reason}`). */
  resyncedKey: string;
  /** The copy was rebuilt under a new client id and `{count}` records sent again (`{reason}`); default: `resyncedKey`. */
  resentKey?: string;
}

/** The state of a shared document's connection, in the document's words: connecting, offline, reloaded after a refusal. */
export function CollabStatus({ snapshot, offlineKey, connectingKey, resyncedKey, resentKey }: Props) {
  const { t } = useT();
  if (!snapshot) return null;
  const message = (notice: DocNotice): string => {
    if (notice.kind === 'reloaded') return t(resyncedKey, { reason: notice.reason });
    if (notice.kind === 'resent') return t(resentKey ?? resyncedKey, { reason: notice.reason, count: notice.count });
    if (notice.kind === 'paused') return t('collab.paused', { reason: notice.reason });
    return notice.reason;
  };
  return (
    <>
      {snapshot.status === 'disconnected' && (
        <p className="collab-status collab-offline" role="status" data-testid="collab-offline">
          {t(offlineKey)}
        </p>
      )}
      {snapshot.status === 'connecting' && !snapshot.synced && (
        <p className="collab-status muted" role="status">
          {t(connectingKey)}
        </p>
      )}
      {snapshot.notice && (
        <p className="collab-status error" role="alert" data-testid="collab-notice" data-kind={snapshot.notice.kind}>
          {message(snapshot.notice)}
        </p>
      )}
    </>
  );
}
