import type { EntryView } from '../../shared/main-courante/doc.js';
import { verificationCounts } from '../../shared/main-courante/verification.js';
import { entryMarks } from '../../shared/main-courante/view.js';
import { useT } from '../i18n/index.js';

/**
 * The information entries by verification status, at the top of the main courante (« 3 informations à vérifier »),
 * counted from the document itself, so an entry or a verification written offline counts at once.
 */
export function VerificationCounts({ entries, onShowPending }: { entries: readonly EntryView[]; onShowPending(): void }) {
  const { t } = useT();
  const counts = verificationCounts(entryMarks(entries));
  if (counts.a_verifier + counts.verifiee + counts.infirmee === 0) return null;
  return (
    <p className="mc-verification-counts" data-testid="mc-verification-counts">
      {t('mc.verificationCounts', { pending: counts.a_verifier, verified: counts.verifiee, infirmed: counts.infirmee })}
      {counts.a_verifier > 0 && (
        <>
          {' '}
          <button type="button" className="link" onClick={onShowPending} data-testid="mc-show-pending">
            {t('mc.showToVerify')}
          </button>
        </>
      )}
    </p>
  );
}
