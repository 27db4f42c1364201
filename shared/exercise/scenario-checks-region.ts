import type { Report, ScenarioDraft } from './scenario-checks.js';

/**
 * Checks of a scenario against the establishments of its region (`knownFiness`, read from the region's files by
 * the caller): every site it names must exist, and a fictional site must not take a real establishment's number,
 * or the map would show two sites under one FINESS and its statuses would land on the real one.
 */
export function checkAgainstRegion(scenario: ScenarioDraft, knownFiness: ReadonlySet<string>, report: Report): void {
  const region = scenario.careOffer.region;
  const fictionalSites = scenario.careOffer.fictionalSites ?? [];
  fictionalSites.forEach((site, i) => {
    if (knownFiness.has(site.finess)) {
      report(
        ['careOffer', 'fictionalSites', i, 'finess'],
        `le site fictif « ${site.nom} » reprend le FINESS « ${site.finess} » d’un établissement réel de la région « ${region} » : donnez-lui un identifiant commençant par une lettre (ex. « F27000001 »)`,
      );
    }
  });
  const fictional = new Set(fictionalSites.map((site) => site.finess));
  const known = (finess: string) => knownFiness.has(finess) || fictional.has(finess);
  const message = (finess: string) => `FINESS inconnu « ${finess} » : ni un site de la région « ${region} », ni un site fictif du scénario`;
  for (const finess of Object.keys(scenario.careOffer.ghts ?? {})) {
    if (!known(finess)) report(['careOffer', 'ghts', finess], message(finess));
  }
  (scenario.careOffer.initialStatuses ?? []).forEach((status, i) => {
    if (!known(status.finess)) report(['careOffer', 'initialStatuses', i, 'finess'], message(status.finess));
  });
  scenario.chronogramme.forEach((stimulus, i) => {
    stimulus.careMapEffects?.forEach((effect, j) => {
      if (!known(effect.finess)) report(['chronogramme', i, 'careMapEffects', j, 'finess'], message(effect.finess));
    });
  });
}
