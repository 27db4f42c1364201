/**
 * `npx tsx scripts/scenario-export.ts <scénario.json|yaml> <chronogramme.csv|xlsx> [--separateur ";"]`
 * Writes the chronogramme as a spreadsheet with the columns scenario-import reads back.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { exportChronogramme, sheetFormatOf } from '../server/exercise/chronogramme-sheet.js';
import { formatIssue, loadScenario, scenarioFormatOf } from '../shared/exercise/scenario-load.js';

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const sepIndex = args.indexOf('--separateur');
const separator = sepIndex >= 0 ? args[sepIndex + 1] : ',';
const [scenarioFile, sheetFile] = args.filter((_, i) => sepIndex < 0 || (i !== sepIndex && i !== sepIndex + 1));
if (!scenarioFile || !sheetFile || (separator !== ',' && separator !== ';')) {
  fail(['Usage : npx tsx scripts/scenario-export.ts <scénario.json|yaml> <chronogramme.csv|xlsx> [--separateur ";"]']);
}
const scenarioFormat = scenarioFormatOf(scenarioFile);
const sheetFormat = sheetFormatOf(sheetFile);
if (!scenarioFormat) fail(['scénario : extension attendue .json, .yaml ou .yml']);
if (!sheetFormat) fail([`${sheetFile} : extension attendue .csv ou .xlsx`]);

const loaded = loadScenario(readFileSync(scenarioFile, 'utf8'), scenarioFormat);
if (!loaded.ok) fail([`✗ ${scenarioFile}`, ...loaded.errors.map((issue) => `  ${formatIssue(issue)}`)]);
const { scenario } = loaded;
writeFileSync(sheetFile, await exportChronogramme(scenario.chronogramme, scenario, sheetFormat, { delimiter: separator }));
console.log(`${scenario.chronogramme.length} stimuli exportés dans ${sheetFile}`);
