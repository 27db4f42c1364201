import type { ReactNode } from 'react';
import { useT } from '../i18n/index.js';

/** What an audit needs (a text's SHA-256 fingerprint) and a validator does not: folded away under « Détails techniques ». */
export function TechnicalDetails({ children }: { children: ReactNode }) {
  const { t } = useT();
  return (
    <details className="draft-technical muted small">
      <summary>{t('comms.technical')}</summary>
      <div className="draft-hash">{children}</div>
    </details>
  );
}
