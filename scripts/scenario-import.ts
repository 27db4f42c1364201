/**
 * `npx tsx scripts/scenario-import.ts <chronogramme.csv|xlsx> <scénario.json|yaml> [--out <fichier>]`
 * Replaces the scenario's chronogramme with the sheet's rows. Fields a sheet does not carry (attachments,
 * conditions, care-map effects) are kept from the stimulus of the same id. Writes the scenario in place
 * (or to --out), then validates it whole: exit 1 on any error, with row numbers for sheet errors.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { importChronogramme, sheetFormatOf } from '../server/exercise/chronogramme-sheet.js';
import { ScenarioFields } from '../shared/exercise/scenario.js';
import { formatIssue, parseScenarioText, scenarioFormatOf, serializeScenario } from '../shared/exercise/scenario-load.js';
import { formatIssueGroup, groupIssues } from '../shared/exercise/scenario-issues.js';
import { validateScenarioInRoomContext } from '../server/exercise/scenario-validation.js';
import { mergeSheetStimuli } from '../shared/exercise/scenario-sheet.js';
import { Stimulus } from '../shared/exercise/scenario-stimulus.js';

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
const [sheetFile, scenarioFile] = args.filter((_, i) => outIndex < 0 || (i !== outIndex && i !== outIndex + 1));
if (!sheetFile || !scenarioFile || (outIndex >= 0 && !out)) {
  fail(['Usage : npx tsx scripts/scenario-import.ts <chronogramme.csv|xlsx> <scénario.json|yaml> [--out <fichier>]']);
}
const target = out ?? scenarioFile;
const sheetFormat = sheetFormatOf(sheetFile);
const scenarioFormat = scenarioFormatOf(scenarioFile);
const targetFormat = scenarioFormatOf(target);
if (!sheetFormat) fail([`${sheetFile} : extension attendue .csv ou .xlsx`]);
if (!scenarioFormat || !targetFormat) fail(['scénario : extension attendue .json, .yaml ou .yml']);

const parsed = parseScenarioText(readFileSync(scenarioFile, 'utf8'), scenarioFormat);
if (!parsed.ok) fail(parsed.errors.map((issue) => `${scenarioFile} : ${formatIssue(issue)}`));
// Only what names are resolved against must be valid already: the rest may still be a draft.
const context = ScenarioFields.pick({ cells: true, simulatedActors: true, objectives: true }).strip().safeParse(parsed.data);
if (!context.success) fail([`${scenarioFile} : cellules, acteurs simulés et objectifs doivent être valides avant l’import`]);

const imported = await importChronogramme(readFileSync(sheetFile), sheetFormat, context.data);
if (!imported.ok) fail([`✗ ${sheetFile} : ${imported.errors.length} erreur(s)`, ...imported.errors.map((e) => `  ${e}`)]);
for (const warning of imported.warnings) console.warn(`  avertissement — ${warning}`);

const draft = parsed.data as Record<string, unknown>;
const previous = Array.isArray(draft.chronogramme) ? draft.chronogramme.flatMap((s) => Stimulus.safeParse(s).data ?? []) : [];
const updated = { ...draft, chronogramme: mergeSheetStimuli(imported.stimuli, previous) };
writeFileSync(target, serializeScenario(updated, targetFormat));
console.log(`${imported.stimuli.length} stimuli importés dans ${target}`);

const check = validateScenarioInRoomContext(updated);
if (!check.ok) fail([`✗ ${target} : le scénario reste invalide`, ...groupIssues(check.errors).flatMap((group) => formatIssueGroup(group).map((line) => `  ${line}`))]);
console.log(`✓ ${target} : scénario valide`);
