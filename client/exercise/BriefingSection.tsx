import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { Markdown } from './Markdown.js';
import './exercise.css';

/**
 * Dossier de mise en situation and kit joueur, for every role: objectives, briefing, rules of the game,
 * good-practice sheets and glossary. Nothing here is secret: it is the scenario's player view.
 */
export function BriefingSection({ state }: SectionProps) {
  const { t } = useT();
  const scenario = state.exercise.scenario;
  if (!scenario) {
    return (
      <p className="empty-state" data-testid="briefing-empty">
        {t('exercise.noScenario')}
      </p>
    );
  }
  const kit = scenario.playerKit;
  return (
    <div className="briefing" data-testid="briefing">
      <header className="briefing-head">
        <h2 data-testid="briefing-title">{scenario.title}</h2>
        <span className={`chip chip-level chip-level-${scenario.level}`}>{t('labelled', { label: t('exercise.briefing.level'), value: t(`exercise.level.${scenario.level}`) })}</span>
      </header>
      <nav className="briefing-toc" aria-label={t('exercise.briefing.toc')}>
        {(['objectives', 'briefing', 'rules', 'practices', 'glossary'] as const).map((part) => (
          <a key={part} href={`#briefing-${part}`}>
            {t(`exercise.briefing.${part}`)}
          </a>
        ))}
      </nav>
      <section id="briefing-objectives" className="card briefing-part">
        <h3>{t('exercise.briefing.objectives')}</h3>
        <ol className="objectives" data-testid="briefing-objectives">
          {scenario.objectives.map((o) => (
            <li key={o.id}>
              <strong>{o.label}</strong>
              <span className="muted"> — {o.description}</span>
            </li>
          ))}
        </ol>
      </section>
      <section id="briefing-briefing" className="card briefing-part">
        <h3>{t('exercise.briefing.briefing')}</h3>
        <Markdown text={scenario.briefing} headingBase={1} title={t('exercise.briefing.briefing')} />
      </section>
      <section id="briefing-rules" className="card briefing-part">
        <h3>{t('exercise.briefing.rules')}</h3>
        <Markdown text={scenario.rules} headingBase={1} title={t('exercise.briefing.rules')} />
        {kit.rules.trim() !== scenario.rules.trim() && (
          <>
            <h4>{t('exercise.briefing.kitRules')}</h4>
            <Markdown text={kit.rules} headingBase={2} />
          </>
        )}
      </section>
      <section id="briefing-practices" className="card briefing-part">
        <h3>{t('exercise.briefing.practices')}</h3>
        {kit.goodPractices.length === 0 && <p className="muted">{t('exercise.briefing.none')}</p>}
        {kit.goodPractices.map((p) => (
          <details key={p.title} className="practice" open={kit.goodPractices.length <= 3}>
            <summary>{p.title}</summary>
            <Markdown text={p.body} headingBase={2} />
          </details>
        ))}
      </section>
      <section id="briefing-glossary" className="card briefing-part">
        <h3>{t('exercise.briefing.glossary')}</h3>
        {kit.glossary.length === 0 && <p className="muted">{t('exercise.briefing.none')}</p>}
        <dl className="glossary">
          {[...kit.glossary]
            .sort((a, b) => a.term.localeCompare(b.term, 'fr'))
            .map((g) => (
              <div key={g.term}>
                <dt>{g.term}</dt>
                <dd>{g.definition}</dd>
              </div>
            ))}
        </dl>
      </section>
    </div>
  );
}
