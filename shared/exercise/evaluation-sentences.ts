import { defineSentence, quote } from '../core/sentence.js';
import type { RoomState } from '../room-state.js';
import { actionObserved, gridStimulusId, objectiveScored, observationAdded, observationCommented, observationRetracted } from './evaluation.js';
import { stimulusSaid } from './stimuli-sentences.js';

/** An expected action (or a criterion of the grid) by its label, with the stimulus that calls for it. */
function expectedActionSaid(state: RoomState, stimulusId: string, actionId: string): string {
  const kit = state.exercise.observerKit;
  if (stimulusId === gridStimulusId) {
    const criterion = kit?.grid.flatMap((s) => s.criteria).find((c) => c.id === actionId);
    const action = kit?.expectedActions.find((a) => a.id === actionId);
    const label = criterion?.label ?? action?.label;
    return label ? `le critère ${quote(label, 160)}` : "un critère de la grille d'évaluation";
  }
  const action = kit?.expectedActions.find((a) => a.stimulusId === stimulusId && a.id === actionId);
  return `${action ? `l'action attendue ${quote(action.label, 160)}` : 'une action attendue'} (stimulus ${stimulusSaid(state, stimulusId)})`;
}

function objectiveSaid(state: RoomState, id: string): string {
  const objective = (state.exercise.observerKit?.objectives ?? state.exercise.scenario?.objectives ?? []).find((o) => o.id === id);
  return objective ? `l'objectif ${quote(objective.label, 160)}` : 'un objectif du scénario';
}

const comment = (text: string) => (text.trim() ? ` : ${quote(text)}` : '');

/** What the evaluators noted, in words: actions and objectives by their label. */
export const evaluationSentences = [
  defineSentence(actionObserved, (p, c) => `${c.who} observe ${expectedActionSaid(c.state, p.stimulusId, p.actionId)}${comment(p.comment)}`),
  defineSentence(
    observationRetracted,
    (p, c) => `${c.who} retire son observation sur ${expectedActionSaid(c.state, p.stimulusId, p.actionId)}${p.reason.trim() ? ` — motif : ${quote(p.reason)}` : ''}`,
  ),
  defineSentence(observationCommented, (p, c) => `${c.who} commente son observation sur ${expectedActionSaid(c.state, p.stimulusId, p.actionId)}${comment(p.comment)}`),
  defineSentence(objectiveScored, (p, c) => {
    const max = c.state.exercise.observerKit?.scale.max;
    return `${c.who} note ${objectiveSaid(c.state, p.objectiveId)} ${p.score}${max === undefined ? '' : `/${max}`}${comment(p.comment)}`;
  }),
  defineSentence(observationAdded, (p, c) => `${c.who} écrit une observation${p.objectiveId ? ` sur ${objectiveSaid(c.state, p.objectiveId)}` : ''} : ${quote(p.text)}`),
];
