import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { cellLabel } from './inbox.js';
import { InvitationsPanel } from './InvitationsPanel.js';
import { useAccessLists, type SessionView } from './access.js';
import { dictGet } from '../../shared/core/dict.js';
import { actorIdentityOf, type VerifiedIdentity } from '../../shared/identity/identity.js';
import { VerifiedBadge } from '../identity/VerifiedBadge.js';

/**
 * Vérification des communications avant DEBEX: every person who joined with an invitation, whether they
 * are connected now (presence) and whether they confirmed (check-in); then the invitations themselves.
 */
export function CommsCheckPanel(props: SectionProps) {
  const { t } = useT();
  const { state, presence, me } = props;
  const refreshKey = [...presence.map((p) => p.sessionId).sort(), '|', ...Object.keys(state.room.checkIns).sort()].join(',');
  const access = useAccessLists(me, refreshKey);
  const online = new Set(presence.map((p) => p.sessionId));
  const sessions = access.sessions.filter((s) => s.revokedAt === null);
  const who = (s: SessionView) => (s.cell ? cellLabel(state, s.cell) : t(`role.${s.role}`));
  const connected = sessions.filter((s) => online.has(s.id)).length;
  const confirmed = sessions.filter((s) => dictGet(state.room.checkIns, s.id)).length;

  return (
    <section className="card comms-check" data-testid="comms-check">
      <div className="section-head">
        <h3>{t('exercise.check.title')}</h3>
        <span className="muted">{t('exercise.check.totals', { total: sessions.length, connected, confirmed })}</span>
        <button type="button" className="secondary small-button" onClick={access.reload}>
          {t('exercise.check.reload')}
        </button>
      </div>
      {access.error && (
        <p role="alert" className="error">
          {t('error.generic', { message: access.error })}
        </p>
      )}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('exercise.check.participant')}</th>
            <th scope="col">{t('exercise.check.cell')}</th>
            <th scope="col">{t('exercise.check.connected')}</th>
            <th scope="col">{t('exercise.check.confirmed')}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                {t('exercise.check.none')}
              </td>
            </tr>
          )}
          {sessions.map((s) => (
            <tr key={s.id} data-testid={`check-${s.id}`}>
              <td>
                {s.name}
                {s.identity && <SignedInDetails identity={s.identity} />}
              </td>
              <td>{who(s)}</td>
              <td>{online.has(s.id) ? <span className="chip chip-ok">{t('exercise.check.yes')}</span> : <span className="chip chip-off">{t('exercise.check.no')}</span>}</td>
              <td>{dictGet(state.room.checkIns, s.id) ? <span className="chip chip-ok">{t('exercise.check.yes')}</span> : <span className="chip chip-warn">{t('exercise.check.pending')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <InvitationsPanel props={props} invitations={access.invitations} sessions={access.sessions} onChanged={access.reload} />
    </section>
  );
}

/** A signed-in session as the director checks it: the provider's badge, the e-mail address and the organisation. */
function SignedInDetails({ identity }: { identity: VerifiedIdentity }) {
  return (
    <>
      <VerifiedBadge identity={actorIdentityOf(identity)} />
      <span className="identity-line muted small" data-testid="session-identity">
        {[identity.email, identity.organisation].filter((part) => part !== null && part !== '').join(' · ')}
      </span>
    </>
  );
}
