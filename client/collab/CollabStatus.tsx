import { useT } from '../i18n/index.js';
import type { DocSnapshot } from './room-doc-connection.js';

interface Props {
  snapshot: DocSnapshot | null;
  offlineKey: string;
  connectingKey: string;
  resyncedKey: string;
}

/** The state of a shared document's connection, in the document's words: connecting, offline, reloaded after a refusal. */
export function CollabStatus({ snapshot, offlineKey, connectingKey, resyncedKey }: Props) {
  const { t } = useT();
  if (!snapshot) return null;
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
        <p className="collab-status error" role="alert" data-testid="collab-notice">
          {snapshot.generation > 0 ? t(resyncedKey, { reason: snapshot.notice }) : snapshot.notice}
        </p>
      )}
    </>
  );
}
