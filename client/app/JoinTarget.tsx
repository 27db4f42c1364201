import { useEffect, useState } from 'react';
import type { JoinInfoResponse } from '../../shared/room/rest.js';
import { useT } from '../i18n/index.js';
import { api, type Loaded } from './api.js';

/** Codes are at least 8 characters (`JoinRequest`): shorter is still being typed, not worth asking about. */
const minCodeLength = 8;

/**
 * What the typed code opens — the room's title, the role and the cell — asked of the server (`POST /join-info`)
 * shortly after typing stops, so a person knows where she is going before she gives her name.
 */
export function JoinTarget({ code }: { code: string }) {
  const { t } = useT();
  const [info, setInfo] = useState<Loaded<JoinInfoResponse> | null>(null);
  const trimmed = code.trim();
  useEffect(() => {
    setInfo(null);
    if (trimmed.length < minCodeLength) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .json<JoinInfoResponse>('/api/join-info', { method: 'POST', body: { code: trimmed } })
        .then((data) => live && setInfo({ status: 'ready', data }))
        .catch((e: Error) => live && setInfo({ status: 'error', message: e.message }));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [trimmed]);
  if (!info || info.status === 'loading') return null;
  if (info.status === 'error')
    return (
      <p className="muted" data-testid="join-target-error">
        {info.message}
      </p>
    );
  const { roomTitle, mode, role, cellLabel } = info.data;
  return (
    <p className="join-target" data-testid="join-target">
      {t('join.target', { title: roomTitle, mode: t(`overview.mode.${mode}`) })}
      <br />
      <strong>{cellLabel === null ? t('join.targetRole', { role: t(`role.${role}`) }) : t('join.targetCell', { role: t(`role.${role}`), cell: cellLabel })}</strong>
    </p>
  );
}
