import { useEffect, useState } from 'react';
import type { LoadIssue } from '../../shared/care-map/load-establishments.js';
import type { CareMapIssuesResponse } from '../../shared/care-map/rest.js';
import { loadIssuesRefusal } from '../../shared/care-map/rules.js';
import { api, roomPath } from '../app/api.js';
import { useT } from '../i18n/index.js';
import type { Me } from '../room/section.js';

/**
 * The rows of the region's files left out at import, for the director only. The server keeps them out of the
 * public region data and refuses them to other roles; the client asks only when `loadIssuesRefusal` allows.
 */
export function ImportIssues({ me }: { me: Me }) {
  const { t } = useT();
  const [issues, setIssues] = useState<LoadIssue[]>([]);
  const allowed = loadIssuesRefusal(me) === null;
  const { roomId, token } = me;
  useEffect(() => {
    if (!allowed) return;
    let live = true;
    // A failure only hides a diagnostic: the map and the board do not depend on it.
    api.json<CareMapIssuesResponse>(roomPath(roomId, '/care-map/issues'), { session: { token } }).then(
      (body) => live && setIssues(body.issues),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [allowed, roomId, token]);
  if (!allowed || issues.length === 0) return null;
  return (
    <details className="muted cm-issues" data-testid="care-map-issues">
      <summary>{t('careMap.board.excluded', { count: issues.length })}</summary>
      <p>{t('careMap.issues.directorOnly')}</p>
      <ul>
        {issues.map((issue, i) => (
          <li key={i}>{issue.message}</li>
        ))}
      </ul>
    </details>
  );
}
