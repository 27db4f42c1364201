/**
 * `npm run scenario:check -- <fichier.json|yaml> [autres fichiers…]`
 * Validates scenario files with the checks room creation runs (server/exercise/scenario-validation.ts): prints every
 * problem grouped by root cause, with its path and the bad value, exits 1 if any file is invalid, otherwise prints
 * one summary line per file (title, number of stimuli, duration) and exits 0.
 */
import { readFileSync } from 'node:fs';
import { describeSummary, formatIssue, parseScenarioText, scenarioFormatOf, summarizeScenario, type ScenarioCheck } from '../shared/exercise/scenario-load.js';
import { formatIssueGroup, groupIssues } from '../shared/exercise/scenario-issues.js';
import { validateScenarioInRoomContext } from '../server/exercise/scenario-validation.js';

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
  return parsed.ok ? validateScenarioInRoomContext(parsed.data) : parsed;
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
    const groups = groupIssues(result.errors);
    const causes = groups.length === result.errors.length ? '' : `, ${groups.length} cause(s)`;
    console.error(`✗ ${file} : ${result.errors.length} erreur(s)${causes}`);
    for (const group of groups) for (const line of formatIssueGroup(group)) console.error(`  ${line}`);
    continue;
  }
  for (const warning of result.warnings) console.warn(`  avertissement — ${formatIssue(warning)}`);
  console.log(`✓ ${file} : ${describeSummary(summarizeScenario(result.scenario))}`);
}
process.exit(failed ? 1 : 0);
