import { useState } from 'react';
import { wallTimeLabel } from '../app/time.js';
import { ProviderButtons } from '../identity/ProviderButtons.js';
import { useT } from '../i18n/index.js';
import { CreateRoomForm } from './CreateRoomForm.js';
import { LiveRoomList } from './LiveRoomList.js';
import { useOperatorSession } from './operator-session.js';
import './operator.css';

/**
 * `/operator`: an operator signs in with a provider (her e-mail must be in OPERATOR_EMAILS), then opens rooms and
 * sees the live ones. The sign-in callback hands the operator session's token over here, in the fragment.
 */
export function OperatorPage() {
  const { t, lang } = useT();
  const { state, logOut } = useOperatorSession();
  const [version, setVersion] = useState(0);

  return (
    <main className="operator-page" data-testid="operator-page">
      <header className="operator-head">
        <h1>
          {t('app.title')} — {t('operator.title')}
        </h1>
        {state.status === 'signed-in' && (
          <div className="operator-who" data-testid="operator-who">
            <span>
              {t('operator.signedInAs', { name: state.session.name })}
              {state.session.email ? ` <${state.session.email}>` : ''}
            </span>
            <span className="muted small">{t('operator.via', { provider: state.session.provider, time: wallTimeLabel(state.session.expiresAt, { lang }) })}</span>
            <button type="button" className="link" onClick={() => void logOut()} data-testid="operator-logout">
              {t('operator.logout')}
            </button>
          </div>
        )}
      </header>
      {state.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {state.status === 'error' && (
        <p role="alert" className="error">
          {t('error.generic', { message: state.message })}
        </p>
      )}
      {state.status === 'signed-out' && (
        <section className="card sign-in-card">
          <p>{t('operator.help')}</p>
          {state.expired && (
            <p role="alert" className="error">
              {t('operator.expired')}
            </p>
          )}
          <p className="muted">{t('operator.signIn')}</p>
          {state.providers.length > 0 ? (
            <ProviderButtons providers={state.providers} intent={{ kind: 'operator' }} />
          ) : (
            <p role="alert" className="error">
              {t('signIn.noProvider')}
            </p>
          )}
          <p className="muted small">{t('operator.automation')}</p>
        </section>
      )}
      {state.status === 'signed-in' && (
        <div className="operator-grid">
          <CreateRoomForm token={state.token} operatorEmail={state.session.email} onCreated={() => setVersion((v) => v + 1)} />
          <LiveRoomList token={state.token} version={version} />
        </div>
      )}
    </main>
  );
}
