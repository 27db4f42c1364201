/**
 * `npm run scenario:check -- <fichier.json|yaml> [autres fichiers…]`
 * Validates scenario files: prints every error as `path: message`, exits 1 if any file is invalid,
 * otherwise prints one summary line per file (title, number of stimuli, duration) and exits 0.
 */
import { readFileSync } from 'node:fs';
import { eventSpecs } from '../shared/domain.js';
import { describeSummary, formatIssue, parseScenarioText, scenarioFormatOf, summarizeScenario, validateScenario, type ScenarioCheck } from '../shared/exercise/scenario-load.js';
import { readRegionFiness, regionOf } from './scenario-region.js';

function checkFile(file: string): ScenarioCheck {
  const format = scenarioFormatOf(file);
  if (!format) return { ok: false, errors: [{ path: '', message: 'extension attendue : .json, .yaml ou .yml' }] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `lecture impossible : ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const parsed = parseScenarioText(text, format);
  if (!parsed.ok) return parsed;
  const region = regionOf(parsed.data);
  const knownFiness = region ? readRegionFiness(region) : null;
  if (region && !knownFiness) {
    return { ok: false, errors: [{ path: 'careOffer.region', message: `région inconnue « ${region} » : aucun dossier scenarios/regions/${region}/` }] };
  }
  return validateScenario(parsed.data, { knownEventTypes: eventSpecs.map((spec) => spec.type), knownFiness: knownFiness ?? undefined });
}

const files = process.argv.slice(2).filter((arg) => arg !== '--');
if (files.length === 0) {
  console.error('Usage : npm run scenario:check -- <scénario.json|yaml> [autres fichiers…]');
  process.exit(2);
}

let failed = false;
for (const file of files) {
  const result = checkFile(file);
  if (!result.ok) {
    failed = true;
    console.error(`✗ ${file} : ${result.errors.length} erreur(s)`);
    for (const issue of result.errors) console.error(`  ${formatIssue(issue)}`);
    continue;
  }
  for (const warning of result.warnings) console.warn(`  avertissement — ${formatIssue(warning)}`);
  console.log(`✓ ${file} : ${describeSummary(summarizeScenario(result.scenario))}`);
}
process.exit(failed ? 1 : 0);
