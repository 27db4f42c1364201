import type { z } from 'zod';
import type { ScenarioFields } from './scenario.js';
import { offsetOrNull } from './scenario-offset.js';
import { defaultOrsanCyberChain } from '../alert-chain/default-chain.js';
import { hasValidFinessKey, type Stimulus } from './scenario-stimulus.js';
import { checkActorLabels } from './scenario-checks-labels.js';
import { checkFinexDeadlines } from './scenario-checks-finex.js';

export type ScenarioDraft = z.infer<typeof ScenarioFields>;
export type Path = (string | number)[];
export type Report = (path: Path, message: string) => void;

/** The cells every regional exercise plays: the ARS crisis cell and the Préfecture liaison. */
export const requiredCells = ['ars', 'prefecture'] as const;

/** The parts of a scenario the cross-checks read; each must at least have the right kind (array, object). */
type Section = 'objectives' | 'cells' | 'simulatedActors' | 'chronogramme' | 'careOffer' | 'kit';

/** A check over the whole scenario; extra ones (the region's establishments) come from the caller's context. */
export interface CrossCheck {
  /** Named in the report when the check cannot run. */
  name: string;
  needs: readonly Section[];
  run: (scenario: ScenarioDraft, report: Report) => void;
}

const crossChecks: readonly CrossCheck[] = [
  { name: 'identifiants en double', needs: ['objectives', 'cells', 'simulatedActors', 'chronogramme', 'careOffer', 'kit'], run: checkUniqueIds },
  { name: 'cellules requises', needs: ['cells'], run: checkRequiredCells },
  { name: 'libellés des acteurs', needs: ['simulatedActors'], run: checkActorLabels },
  { name: 'chronogramme', needs: ['objectives', 'cells', 'simulatedActors', 'chronogramme'], run: checkChronogramme },
  { name: 'échéances et FINEX', needs: ['chronogramme'], run: checkFinexDeadlines },
  { name: 'grille d’observation', needs: ['objectives', 'chronogramme', 'kit'], run: checkGrid },
  { name: 'chaîne d’alerte', needs: ['cells'], run: checkChainCells },
  { name: 'clés FINESS', needs: ['careOffer'], run: checkFinessKeys },
];

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function readable(data: Record<string, unknown>, section: Section): boolean {
  const value = data[section];
  if (section === 'careOffer') return isObject(value);
  if (section === 'kit') return isObject(value) && isObject(value['observerKit']) && Array.isArray(value['observerKit']['grid']);
  return Array.isArray(value) && value.every(isObject);
}

/** Cross-field checks of a valid scenario, as zod issues (the schema's refinement). */
export function checkScenario(scenario: ScenarioDraft, ctx: z.RefinementCtx): void {
  const skipped = runCrossChecks(scenario, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
  for (const message of skipped) ctx.addIssue({ code: 'custom', path: [], message });
}

/**
 * Runs every cross-field check, each reported at the exact path of the faulty value (`chronogramme[12].sender`),
 * on data the schema may have refused: a check whose sections are unreadable, or that trips on a malformed part,
 * is skipped and named in the returned list, so a report never looks complete when it is not.
 * Unsorted offsets are allowed: the scheduler sorts the chronogramme.
 */
export function runCrossChecks(data: unknown, report: Report, extraChecks: readonly CrossCheck[] = []): string[] {
  if (!isObject(data)) return ['vérifications croisées non faites : le fichier ne contient pas un objet scénario'];
  const skipped: string[] = [];
  for (const check of [...crossChecks, ...extraChecks]) {
    const missing = check.needs.filter((section) => !readable(data, section));
    if (missing.length > 0) {
      skipped.push(`vérification « ${check.name} » non faite : ${missing.map((s) => `« ${s} »`).join(', ')} illisible(s) — corrigez d’abord les erreurs de schéma`);
      continue;
    }
    try {
      // The sections have the right kind; a malformed value deeper down throws, and the check is reported as skipped.
      check.run(data as ScenarioDraft, report);
    } catch (error) {
      const where = error instanceof UnreadableRows ? `sauf pour ${error.paths.join(', ')} (mal formés)` : 'interrompue : données mal formées';
      skipped.push(`vérification « ${check.name} » ${where} — corrigez d’abord les erreurs de schéma`);
    }
  }
  return skipped;
}

function checkRequiredCells(scenario: ScenarioDraft, report: Report): void {
  const cellIds = new Set(scenario.cells.map((cell) => cell.id));
  for (const required of requiredCells) {
    if (!cellIds.has(required)) report(['cells'], `la cellule « ${required} » doit être jouée`);
  }
}

function checkChainCells(scenario: ScenarioDraft, report: Report): void {
  const cellIds = new Set(scenario.cells.map((cell) => cell.id));
  scenario.alertChain?.actors.forEach((actor, i) => {
    if (actor.cell && !cellIds.has(actor.cell)) report(['alertChain', 'actors', i, 'cell'], `cellule inconnue « ${actor.cell} »`);
  });
}

function checkFinessKeys(scenario: ScenarioDraft, report: Report): void {
  (scenario.careOffer.initialStatuses ?? []).forEach((status, i) => {
    if (!hasValidFinessKey(status.finess)) report(['careOffer', 'initialStatuses', i, 'finess'], `clé de contrôle FINESS invalide pour « ${status.finess} »`);
  });
}

/** Thrown by a check that ran on every row but some, so that the report names the rows left unchecked. */
class UnreadableRows extends Error {
  constructor(readonly paths: string[]) {
    super(`lignes illisibles : ${paths.join(', ')}`);
  }
}

/** Each stimulus on its own: one malformed row must not hide the problems of the others. */
function checkChronogramme(scenario: ScenarioDraft, report: Report): void {
  const unreadable: string[] = [];
  scenario.chronogramme.forEach((stimulus, i) => {
    try {
      checkStimulus(scenario, stimulus, ['chronogramme', i], report);
    } catch {
      unreadable.push(`chronogramme[${i}]`);
    }
  });
  if (unreadable.length > 0) throw new UnreadableRows(unreadable);
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
    list(scenario.careOffer.initialStatuses ?? [], (s) => s.finess, ['careOffer', 'initialStatuses'], 'finess'),
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
  const start = offsetOrNull(stimulus.offset);
  stimulus.expectedActions.forEach((action, k) => {
    if (!scenario.objectives.some((objective) => objective.id === action.objective)) {
      report([...at, 'expectedActions', k, 'objective'], `objectif inconnu « ${action.objective} »`);
    }
    action.objectiveIds?.forEach((id, m) => {
      if (!scenario.objectives.some((objective) => objective.id === id)) report([...at, 'expectedActions', k, 'objectiveIds', m], `objectif inconnu « ${id} »`);
    });
    const deadline = action.deadline === undefined ? null : offsetOrNull(action.deadline);
    if (deadline !== null && start !== null && deadline < start) {
      report([...at, 'expectedActions', k, 'deadline'], `l’échéance ${action.deadline} précède l’injection du stimulus`);
    }
  });
  const finex = scenario.finex === undefined ? null : offsetOrNull(scenario.finex);
  if (finex !== null && start !== null && start > finex) {
    report([...at, 'offset'], `le stimulus tombe après la FINEX (${scenario.finex})`);
  }
  checkCondition(scenario, stimulus, at, report);
  const chain = scenario.alertChain ?? defaultOrsanCyberChain;
  stimulus.chainSteps?.forEach((step, k) => {
    if ('fact' in step) {
      const facts = chain.facts ?? [];
      if (!facts.some((fact) => fact.id === step.fact))
        report([...at, 'chainSteps', k, 'fact'], `fait de la chaîne d'alerte inconnu « ${step.fact} » (faits : ${facts.map((f) => f.id).join(', ') || 'aucun'})`);
      return;
    }
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
    const by = offsetOrNull(condition.by);
    const offset = offsetOrNull(stimulus.offset);
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
