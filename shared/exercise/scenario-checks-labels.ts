import type { Path, Report, ScenarioDraft } from './scenario-checks.js';
import { normalizeName } from './scenario-sheet-columns.js';

/**
 * Two simulated actors (or two alert-chain actors) with the same label: the chronogramme spreadsheet and the
 * animator's console name actors by label, compared without case or accents, so « CHU Rouen » and « chu rouen »
 * could not be told apart.
 */
export function checkActorLabels(scenario: ScenarioDraft, report: Report): void {
  reportDuplicateLabels(
    scenario.simulatedActors.map((actor, i) => ({ id: actor.id, label: actor.label, path: ['simulatedActors', i, 'label'] })),
    'acteur simulé',
    report,
  );
  const chain = scenario.alertChain?.actors ?? [];
  reportDuplicateLabels(
    chain.map((actor, i) => ({ id: actor.id, label: actor.label, path: ['alertChain', 'actors', i, 'label'] })),
    'acteur de la chaîne d’alerte',
    report,
  );
}

function reportDuplicateLabels(items: readonly { id: string; label: string; path: Path }[], what: string, report: Report): void {
  const first = new Map<string, { id: string }>();
  for (const item of items) {
    const key = normalizeName(item.label);
    const earlier = first.get(key);
    if (earlier) report(item.path, `libellé en double « ${item.label} » : l’${what} « ${item.id} » porte le même libellé que « ${earlier.id} » (donnez-leur des libellés distincts)`);
    else first.set(key, item);
  }
}
