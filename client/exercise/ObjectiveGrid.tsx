import type { Objective } from '../../shared/exercise/scenario.js';
import type { GridSection } from '../../shared/exercise/scenario-kit.js';
import { observationKey } from '../../shared/exercise/stimuli-state.js';
import { gridStimulusId } from '../../shared/exercise/evaluation.js';
import { GridMeasureLine } from '../organisation/MeasuresPanel.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { ObserveTick } from './ObserveTick.js';
import { ScoreControl } from './ScoreControl.js';
import { carrierOf, expectedActionsFor } from './chronogramme.js';
import { dictGet } from '../../shared/core/dict.js';

const GRID = gridStimulusId;

/**
 * One objective of the evaluation grid: its criteria and the expected actions they cover, then (director)
 * the expected actions of the stimuli already sent that the grid does not list, then the score.
 */
export function ObjectiveGrid({ props, objective, section }: { props: SectionProps; objective: Objective; section: GridSection | undefined }) {
  const { t } = useT();
  const kit = props.state.exercise.observerKit!;
  const animator = props.state.exercise.animator;
  const listed = new Set(section?.criteria.flatMap((c) => c.expectedActionIds ?? []) ?? []);
  const extra = expectedActionsFor(animator, objective.id, true).filter((a) => !listed.has(a.action.id));
  const notes = props.state.exercise.evaluation.observations.filter((o) => o.objectiveId === objective.id).length;

  const observableCarrier = (actionId: string) => {
    const known = kit.expectedActions.find((a) => a.id === actionId);
    return known ? { stimulusId: known.stimulusId, action: known } : undefined;
  };

  const actionTick = (actionId: string) => {
    // The director reads the action from the chronogramme; evaluators from the observer kit (never the stimulus itself).
    const carrier = carrierOf(animator, actionId) ?? observableCarrier(actionId);
    if (!carrier) return <ObserveTick key={actionId} props={props} stimulusId={GRID} actionId={actionId} label={t('exercise.grid.action', { id: actionId })} />;
    const sent = animator ? dictGet(animator.items, carrier.stimulusId)?.status === 'injected' : dictGet(props.state.exercise.inbox, carrier.stimulusId) !== undefined;
    const detail = `${carrier.stimulusId} · ${carrier.action.criterion}${sent ? '' : ` · ${t('exercise.grid.notSent')}`}`;
    return <ObserveTick key={actionId} props={props} stimulusId={carrier.stimulusId} actionId={actionId} label={carrier.action.label} detail={detail} alsoKeys={[observationKey(GRID, actionId)]} />;
  };

  return (
    <section className="card objective-grid" data-testid={`objective-${objective.id}`} aria-labelledby={`objective-${objective.id}-title`}>
      <header className="section-head">
        <h3 id={`objective-${objective.id}-title`}>{objective.label}</h3>
        {notes > 0 && <span className="chip">{t('exercise.grid.notes', { count: notes })}</span>}
      </header>
      <p className="muted small">{objective.description}</p>
      {section?.criteria.map((criterion) => (
        <div key={criterion.id} className="criterion">
          <ObserveTick props={props} stimulusId={GRID} actionId={criterion.id} label={criterion.label} />
          {criterion.measure && <GridMeasureLine state={props.state} measure={criterion.measure} />}
          {criterion.expectedActionIds?.length ? <div className="criterion-actions">{criterion.expectedActionIds.map(actionTick)}</div> : null}
        </div>
      ))}
      {extra.length > 0 && (
        <div className="criterion">
          <h4>{t('exercise.grid.sentActions')}</h4>
          <div className="criterion-actions">
            {extra.map(({ stimulusId, action }) => (
              <ObserveTick key={action.id} props={props} stimulusId={stimulusId} actionId={action.id} label={action.label} detail={`${stimulusId} · ${action.criterion}`} />
            ))}
          </div>
        </div>
      )}
      <ScoreControl props={props} objectiveId={objective.id} scale={kit.scale} />
    </section>
  );
}
