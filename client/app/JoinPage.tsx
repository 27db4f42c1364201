import { useT } from '../i18n/index.js';
import { CodeJoinForm } from './CodeJoinForm.js';

/** Exchanges an invitation code and a name for a session, then opens the room. */
export function JoinPage({ initialCode }: { initialCode: string }) {
  const { t } = useT();
  return (
    <main className="join-page">
      <div className="card join-card">
        <h1>{t('app.title')}</h1>
        <h2>{t('join.title')}</h2>
        <p className="muted">{t('join.help')}</p>
        <CodeJoinForm initialCode={initialCode} />
      </div>
    </main>
  );
}
