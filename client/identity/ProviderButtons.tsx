import { useState } from 'react';
import { signInPath, type ProviderSummary, type SignInIntent } from '../../shared/identity/rest.js';
import { useT } from '../i18n/index.js';
import './identity.css';

/**
 * One button per configured provider. Signing in is a full navigation (the server sends the browser on to the
 * provider's pages), never a JSON call: the page is left. ProConnect's button follows the look its guidelines ask
 * for (drawn in CSS: the room must work on a network without the internet); Pro Santé Connect has its own.
 */
export function ProviderButtons({ providers, intent }: { providers: readonly ProviderSummary[]; intent: SignInIntent }) {
  const { t } = useT();
  const [leaving, setLeaving] = useState<string | null>(null);
  const go = (provider: ProviderSummary) => {
    setLeaving(provider.label);
    location.assign(signInPath(provider.id, intent));
  };
  return (
    <div className="provider-buttons">
      {providers.map((p) => (
        <div key={p.id} className="provider-choice">
          {p.kind === 'proconnect' ? <ProConnectButton onClick={() => go(p)} disabled={leaving !== null} /> : <ProviderButton provider={p} onClick={() => go(p)} disabled={leaving !== null} />}
        </div>
      ))}
      {leaving && (
        <p className="muted" role="status">
          {t('signIn.leaving', { label: leaving })}
        </p>
      )}
    </div>
  );
}

function ProConnectButton({ onClick, disabled }: { onClick(): void; disabled: boolean }) {
  const { t } = useT();
  return (
    <>
      {/* The accessible name is the whole sentence: the two lines are separate blocks, whose text would run together. */}
      <button type="button" className="proconnect-button" onClick={onClick} disabled={disabled} aria-label={t('signIn.proconnect')} data-testid="sign-in-proconnect">
        <span className="proconnect-logo" aria-hidden="true" />
        <span className="proconnect-text">
          <span>{t('signIn.proconnectLead')}</span>
          <strong>ProConnect</strong>
        </span>
      </button>
      <p className="proconnect-what">
        <a href="https://www.proconnect.gouv.fr/" target="_blank" rel="noopener noreferrer" title={t('signIn.proconnectWhatTitle')}>
          {t('signIn.proconnectWhat')}
        </a>
      </p>
    </>
  );
}

function ProviderButton({ provider, onClick, disabled }: { provider: ProviderSummary; onClick(): void; disabled: boolean }) {
  const { t } = useT();
  return (
    <button
      type="button"
      className={`provider-button provider-${provider.kind}`}
      onClick={onClick}
      disabled={disabled}
      aria-label={t('signIn.provider', { label: provider.label })}
      data-testid={`sign-in-${provider.id}`}
    >
      {provider.kind === 'pro-sante-connect' && <span className="psc-mark" aria-hidden="true" />}
      <span className="proconnect-text">
        <span>{t('signIn.providerLead')}</span>
        <strong>{provider.label}</strong>
      </span>
    </button>
  );
}
