import { useT } from '../i18n/index.js';

/** A link form's submit and cancel buttons; `refusal` (the server's, asked beforehand) is the disabled submit's tooltip. */
export function FormButtons({ submit, disabled, refusal, testId, onCancel }: { submit: string; disabled: boolean; refusal?: string | undefined; testId: string; onCancel(): void }) {
  const { t } = useT();
  return (
    <div className="ac-buttons">
      <button type="submit" disabled={disabled} title={refusal} data-testid={testId}>
        {submit}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        {t('alertChain.action.cancel')}
      </button>
    </div>
  );
}
