import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { Markdown } from './Markdown.js';
import { MeasuresPanel } from './MeasuresPanel.js';
import { DecisionMeasuresPanel } from '../decisions/MeasuresPanel.js';
import { SitrepMeasuresPanel } from '../sitrep/MeasuresPanel.js';
import { OrganisationMeasuresPanel } from '../organisation/MeasuresPanel.js';
import { ObjectiveGrid } from './ObjectiveGrid.js';
import { ObservationsPanel } from './ObservationsPanel.js';
import './exercise.css';

/**
 * Grille d'évaluation (director and evaluators): per objective, the criteria and expected actions to tick,
 * the score on the scenario's scale; free observations; the measures computed from the inbox.
 */
export function EvaluationSection(props: SectionProps) {
  const { t } = useT();
  const kit = props.state.exercise.observerKit;
  if (!kit) {
    return (
      <p className="empty-state" data-testid="evaluation-empty">
        {t('exercise.noScenario')}
      </p>
    );
  }
  return (
    <div className="evaluation" data-testid="evaluation">
      <div className="section-head">
        <h2>{t('exercise.grid.title')}</h2>
      </div>
      <details className="card instructions">
        <summary>{t('exercise.grid.instructions')}</summary>
        <Markdown text={kit.instructions} headingBase={1} />
      </details>
      <div className="evaluation-grid">
        <div className="objectives-column">
          {kit.objectives.map((objective) => (
            <ObjectiveGrid key={objective.id} props={props} objective={objective} section={kit.grid.find((g) => g.objectiveId === objective.id)} />
          ))}
        </div>
        <div className="evaluation-side">
          <ObservationsPanel props={props} />
        </div>
      </div>
      <MeasuresPanel props={props} />
      <DecisionMeasuresPanel state={props.state} />
      <SitrepMeasuresPanel state={props.state} />
      <OrganisationMeasuresPanel state={props.state} />
    </div>
  );
}
