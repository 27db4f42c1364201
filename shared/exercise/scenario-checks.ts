import type { z } from 'zod';
import type { ScenarioFields } from './scenario.js';
import { parseOffset } from './scenario-offset.js';
import { defaultOrsanCyberChain } from '../alert-chain/default-chain.js';
import { hasValidFinessKey, type Stimulus } from './scenario-stimulus.js';

type ScenarioDraft = z.infer<typeof ScenarioFields>;
type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/** The cells every regional exercise plays: the ARS crisis cell and the Préfecture liaison. */
export const requiredCells = ['ars', 'prefecture'] as const;

/**
 * Cross-field checks of a scenario, each reported at the exact path of the faulty value
 * (`chronogramme[12].sender`). Unsorted offsets are allowed: the scheduler sorts the chronogramme.
 */
export function checkScenario(scenario: ScenarioDraft, ctx: z.RefinementCtx): void {
  const report: Report = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  checkUniqueIds(scenario, report);
  const cellIds = new Set(scenario.cells.map((cell) => cell.id));
  for (const required of requiredCells) {
    if (!cellIds.has(required)) report(['cells'], `la cellule « ${required} » doit être jouée`);
  }
  scenario.chronogramme.forEach((stimulus, i) => checkStimulus(scenario, stimulus, ['chronogramme', i], report));
  checkGrid(scenario, report);
  scenario.alertChain?.actors.forEach((actor, i) => {
    if (actor.cell && !cellIds.has(actor.cell)) report(['alertChain', 'actors', i, 'cell'], `cellule inconnue « ${actor.cell} »`);
  });
  scenario.careOffer.initialStatuses.forEach((status, i) => {
    if (!hasValidFinessKey(status.finess)) report(['careOffer', 'initialStatuses', i, 'finess'], `clé de contrôle FINESS invalide pour « ${status.finess} »`);
  });
}

/** Reports the second and later occurrences of an id, at that occurrence's path. */
function reportDuplicates(items: readonly { id: string; path: Path }[], what: string, report: Report): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) report(item.path, `${what} en double « ${item.id} »`);
    seen.add(item.id);
  }
}

function checkUniqueIds(scenario: ScenarioDraft, report: Report): void {
  const list = <T>(items: readonly T[], key: (item: T) => string, base: Path, field: string) => items.map((item, i) => ({ id: key(item), path: [...base, i, field] }));
  reportDuplicates(
    list(scenario.objectives, (o) => o.id, ['objectives'], 'id'),
    'objectif',
    report,
  );
  reportDuplicates(
    list(scenario.cells, (c) => c.id, ['cells'], 'id'),
    'cellule',
    report,
  );
  reportDuplicates(
    list(scenario.simulatedActors, (a) => a.id, ['simulatedActors'], 'id'),
    'acteur simulé',
    report,
  );
  reportDuplicates(
    list(scenario.chronogramme, (s) => s.id, ['chronogramme'], 'id'),
    'stimulus',
    report,
  );
  const actions = scenario.chronogramme.flatMap((stimulus, i) => list(stimulus.expectedActions, (a) => a.id, ['chronogramme', i, 'expectedActions'], 'id'));
  reportDuplicates(actions, 'réaction attendue', report);
  const criteria = scenario.kit.observerKit.grid.flatMap((section, i) => list(section.criteria, (c) => c.id, ['kit', 'observerKit', 'grid', i, 'criteria'], 'id'));
  reportDuplicates(criteria, 'critère', report);
  reportDuplicates(
    list(scenario.careOffer.fictionalSites ?? [], (s) => s.finess, ['careOffer', 'fictionalSites'], 'finess'),
    'site',
    report,
  );
  reportDuplicates(
    list(scenario.careOffer.initialStatuses, (s) => s.finess, ['careOffer', 'initialStatuses'], 'finess'),
    'statut initial',
    report,
  );
}

function checkStimulus(scenario: ScenarioDraft, stimulus: Stimulus, at: Path, report: Report): void {
  if (!scenario.simulatedActors.some((actor) => actor.id === stimulus.sender)) {
    report([...at, 'sender'], `émetteur inconnu « ${stimulus.sender} » : ce doit être un des acteurs simulés`);
  }
  stimulus.recipients.forEach((recipient, j) => {
    if (!scenario.cells.some((cell) => cell.id === recipient)) report([...at, 'recipients', j], `cellule destinataire inconnue « ${recipient} »`);
  });
  // A stimulus is never injected before its offset, conditional or not.
  const start = safeOffset(stimulus.offset);
  stimulus.expectedActions.forEach((action, k) => {
    if (!scenario.objectives.some((objective) => objective.id === action.objective)) {
      report([...at, 'expectedActions', k, 'objective'], `objectif inconnu « ${action.objective} »`);
    }
    const deadline = action.deadline === undefined ? null : safeOffset(action.deadline);
    if (deadline !== null && start !== null && deadline < start) {
      report([...at, 'expectedActions', k, 'deadline'], `l’échéance ${action.deadline} précède l’injection du stimulus`);
    }
  });
  const finex = scenario.finex === undefined ? null : safeOffset(scenario.finex);
  if (finex !== null && start !== null && start > finex) {
    report([...at, 'offset'], `le stimulus tombe après la FINEX (${scenario.finex})`);
  }
  checkCondition(scenario, stimulus, at, report);
  const chain = scenario.alertChain ?? defaultOrsanCyberChain;
  stimulus.chainSteps?.forEach((step, k) => {
    if (!chain.links.some((link) => link.id === step.link)) {
      const known = chain.links.map((link) => link.id).join(', ');
      report([...at, 'chainSteps', k, 'link'], `lien de la chaîne d'alerte inconnu « ${step.link} » (liens : ${known})`);
    }
  });
}

function checkCondition(scenario: ScenarioDraft, stimulus: Stimulus, at: Path, report: Report): void {
  const condition = stimulus.condition;
  if (!condition) return;
  if (condition.kind === 'if_no_event') {
    const by = safeOffset(condition.by);
    const offset = safeOffset(stimulus.offset);
    if (by !== null && offset !== null && by > offset) {
      report([...at, 'condition', 'by'], `l’échéance de la condition (${condition.by}) doit précéder ou égaler l’horaire du stimulus (${stimulus.offset})`);
    }
  }
  const referenced = condition.match?.['stimulusId'];
  if (referenced === undefined) return;
  if (referenced === stimulus.id) {
    report([...at, 'condition', 'match', 'stimulusId'], 'un stimulus ne peut pas attendre sa propre injection');
  } else if (!scenario.chronogramme.some((other) => other.id === referenced)) {
    report([...at, 'condition', 'match', 'stimulusId'], `stimulus inconnu « ${String(referenced)} »`);
  }
}

function checkGrid(scenario: ScenarioDraft, report: Report): void {
  const actionIds = new Set(scenario.chronogramme.flatMap((stimulus) => stimulus.expectedActions.map((action) => action.id)));
  const objectiveIds = new Set(scenario.objectives.map((objective) => objective.id));
  const graded = new Set<string>();
  scenario.kit.observerKit.grid.forEach((section, i) => {
    const at: Path = ['kit', 'observerKit', 'grid', i];
    if (!objectiveIds.has(section.objectiveId)) report([...at, 'objectiveId'], `objectif inconnu « ${section.objectiveId} »`);
    else if (graded.has(section.objectiveId)) report([...at, 'objectiveId'], `objectif déjà évalué par une autre section « ${section.objectiveId} »`);
    graded.add(section.objectiveId);
    section.criteria.forEach((criterion, j) => {
      criterion.expectedActionIds?.forEach((id, k) => {
        if (!actionIds.has(id)) report([...at, 'criteria', j, 'expectedActionIds', k], `réaction attendue inconnue « ${id} »`);
      });
    });
  });
}

/** Format errors are reported by the schema itself; the checks still run, so they must not throw on them. */
function safeOffset(text: string): number | null {
  try {
    return parseOffset(text);
  } catch {
    return null;
  }
}
