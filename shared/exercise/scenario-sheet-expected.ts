import { objectivesOf, type ExpectedAction } from './scenario-stimulus.js';
import { normalizeName, nouns, resolveName } from './scenario-sheet-columns.js';
import { ownValue } from '../core/dict.js';

/**
 * The « réaction attendue » cell: one expected action per line, written
 * `libellé | critère : … | échéance : 01:30 | objectif : alerte | id : r-alerte`.
 * Only the label is required: the criterion defaults to the label, the objective to the « objectif » column,
 * the id to `<stimulus>-r<n>`. A literal « | » inside a text is written « \| ». An action may serve several
 * objectives, written `O1,O2` or `O1 ; O2` (in the column or after « objectif : »).
 */

interface ExpectedCellContext {
  stimulusId: string;
  /** The row's « objectif » cell: the objective of every action that names none. */
  objectiveCell: string;
  objectives: readonly { id: string; label: string }[];
}

const keys: Record<string, 'criterion' | 'deadline' | 'objective' | 'id'> = {
  critere: 'criterion',
  echeance: 'deadline',
  objectif: 'objective',
  id: 'id',
};

/** The id an action gets when the sheet gives none; export omits ids equal to it. */
export function defaultActionId(stimulusId: string, index: number): string {
  return `${stimulusId}-r${index + 1}`;
}

const escape = (text: string) => text.replace(/\|/g, '\\|');
const unescape = (text: string) => text.replace(/\\\|/g, '|').trim();

/** A problem with the action at `index` (0-based); `message` reads `n° 2 : objectif requis`. */
export interface ExpectedCellError {
  index: number;
  /** The action's field at fault, when there is one. */
  field: keyof ExpectedAction | null;
  message: string;
}

/** Parses the cell; the caller prefixes the errors with the column. */
export function parseExpectedCell(cell: string, context: ExpectedCellContext): { actions: Partial<ExpectedAction>[]; errors: ExpectedCellError[] } {
  const errors: ExpectedCellError[] = [];
  const lines = cell
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const actions = lines.map((line, index) => {
    const [label = '', ...parts] = line.split(/(?<!\\)\|/).map(unescape);
    const action: Partial<ExpectedAction> = { id: defaultActionId(context.stimulusId, index), label, criterion: label };
    let objective = context.objectiveCell;
    for (const part of parts) {
      const colon = part.indexOf(':');
      const key = ownValue(keys, normalizeName(colon < 0 ? part : part.slice(0, colon)));
      const value = colon < 0 ? '' : part.slice(colon + 1).trim();
      if (!key || value === '') {
        errors.push({ index, field: null, message: `n° ${index + 1} : « ${part} » ne se lit pas (attendu « critère : … », « échéance : HH:MM », « objectif : … » ou « id : … »)` });
      } else if (key === 'objective') {
        objective = value;
      } else {
        action[key] = key === 'deadline' && /^\d:\d{2}/.test(value) ? `0${value}` : value;
      }
    }
    const resolved = resolveObjectives(objective, context.objectives);
    const [first, ...others] = resolved.ids;
    if (first !== undefined) action.objective = first;
    if (first !== undefined && others.length > 0) action.objectiveIds = [first, ...others];
    resolved.errors.forEach((message) => errors.push({ index, field: 'objective', message: `n° ${index + 1} : ${message}` }));
    return action;
  });
  return { actions, errors };
}

/** `O1,O2` or `O1 ; O2` → the objectives' ids, without repeats; an empty cell is the only objective, if there is one. */
function resolveObjectives(value: string, objectives: ExpectedCellContext['objectives']): { ids: string[]; errors: string[] } {
  const [only] = objectives;
  const names = value
    .split(/[,;]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0 && objectives.length === 1 && only) return { ids: [only.id], errors: [] };
  if (names.length === 0) return { ids: [], errors: ['objectif requis (colonne « objectif » ou « | objectif : … »)'] };
  const ids: string[] = [];
  const errors: string[] = [];
  for (const name of names) {
    const found = resolveName(name, objectives, nouns.objective);
    if (!found.ok) errors.push(found.message);
    else if (!ids.includes(found.id)) ids.push(found.id);
  }
  return { ids, errors };
}

/** The objectives of an action as a sheet writes them: `alerte, communication`. */
export function writeObjectives(action: Pick<ExpectedAction, 'objective' | 'objectiveIds'>): string {
  return objectivesOf(action).join(', ');
}

/** Writes the cell; `sharedObjective` (as {@link writeObjectives} writes it) is left out of the lines because the « objectif » column carries it. */
export function writeExpectedCell(actions: readonly ExpectedAction[], stimulusId: string, sharedObjective: string | undefined): string {
  return actions
    .map((action, index) => {
      const parts = [escape(action.label)];
      if (action.criterion !== action.label) parts.push(`critère : ${escape(action.criterion)}`);
      if (action.deadline !== undefined) parts.push(`échéance : ${action.deadline}`);
      if (writeObjectives(action) !== sharedObjective) parts.push(`objectif : ${writeObjectives(action)}`);
      if (action.id !== defaultActionId(stimulusId, index)) parts.push(`id : ${action.id}`);
      return parts.join(' | ');
    })
    .join('\n');
}
