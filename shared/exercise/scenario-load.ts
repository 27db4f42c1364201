import { z } from 'zod';
import yaml from 'js-yaml';
import { formatPath, invalid } from '../core/errors.js';
import { ScenarioFields, type Scenario } from './scenario.js';
import { runCrossChecks, type Report, type ScenarioDraft } from './scenario-checks.js';
import { checkAgainstRegion } from './scenario-checks-region.js';
import { describeSchemaIssue, issuesInline, type ScenarioIssue } from './scenario-issues.js';
import { formatOffset, parseOffset } from './scenario-offset.js';
import { objectivesOf } from './scenario-stimulus.js';

/**
 * Loading and validating a scenario file, pure (text in, result out) so that the CLI, the server's upload
 * route and the tests share it. Messages are French; paths are `chronogramme[12].offset`.
 */

export type ScenarioFormat = 'json' | 'yaml';

export type { ScenarioIssue } from './scenario-issues.js';
export { formatIssue } from './scenario-issues.js';

export type ScenarioCheck = { ok: true; scenario: Scenario; warnings: ScenarioIssue[] } | { ok: false; errors: ScenarioIssue[] };

export interface ScenarioCheckOptions {
  /** Event types the room knows (from the domain registry): conditions on other types only warn. */
  knownEventTypes?: Iterable<string>;
  /** FINESS numbers of the scenario's region (real sites): statuses and effects on other numbers are errors. */
  knownFiness?: ReadonlySet<string>;
}

/** `exercice.yaml` → `yaml`; null for an extension the loader does not read. */
export function scenarioFormatOf(fileName: string): ScenarioFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return null;
}

/** Parses JSON or YAML text; syntax errors carry their line and column. */
export function parseScenarioText(text: string, format: ScenarioFormat): { ok: true; data: unknown } | { ok: false; errors: ScenarioIssue[] } {
  try {
    // CORE_SCHEMA: no implicit dates, so `2025-03-12` in a text stays a string as in JSON.
    const data = format === 'json' ? JSON.parse(text) : yaml.load(text, { schema: yaml.CORE_SCHEMA });
    return { ok: true, data };
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: syntaxMessage(error, text, format) }] };
  }
}

function syntaxMessage(error: unknown, text: string, format: ScenarioFormat): string {
  if (error instanceof yaml.YAMLException) {
    return `YAML invalide, ligne ${error.mark.line + 1}, colonne ${error.mark.column + 1} : ${error.reason}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (format !== 'json') return `fichier illisible : ${message}`;
  const where = jsonErrorLocation(message, text);
  return where ? `JSON invalide, ${where} : ${message}` : `JSON invalide : ${message}`;
}

/** `ligne 3, colonne 12`, when V8 gives the position (it does for missing and trailing commas, not for every error). */
function jsonErrorLocation(message: string, text: string): string | null {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return null;
  const before = text.slice(0, Number(position)).split('\n');
  return `ligne ${before.length}, colonne ${(before.at(-1)?.length ?? 0) + 1}`;
}

/**
 * Validates parsed data as a scenario, the one validation of the CLI, the import script and room creation.
 * Every check runs even when others fail: the schema's, the cross-references, and those against the region's
 * establishments; a check that cannot run on a badly broken file says so in the errors.
 */
export function validateScenario(data: unknown, options: ScenarioCheckOptions = {}): ScenarioCheck {
  const result = ScenarioFields.safeParse(data, { error: z.locales.fr().localeError, reportInput: true });
  const schemaIssues = result.success ? [] : result.error.issues;
  const schemaErrors = schemaIssues.map((issue) => ({ path: formatPath(issue.path), message: describeSchemaIssue(issue) }));
  const crossErrors: ScenarioIssue[] = [];
  const report = (path: (string | number)[], message: string) => crossErrors.push({ path: formatPath(path), message });
  const knownFiness = options.knownFiness;
  const regionChecks = knownFiness ? [{ name: 'FINESS de la région', needs: ['careOffer', 'chronogramme'] as const, run: (s: ScenarioDraft, r: Report) => checkAgainstRegion(s, knownFiness, r) }] : [];
  const skipped = runCrossChecks(result.success ? result.data : data, report, regionChecks);
  // A value the schema refused is not reported a second time (an ill-formed sender is not also an unknown one);
  // an unknown extra field says nothing of its neighbours.
  const refused = schemaIssues.filter((issue) => issue.code !== 'unrecognized_keys').map((issue) => formatPath(issue.path));
  const within = (path: string, parent: string) => parent !== '' && (path === parent || path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`));
  const errors = [...schemaErrors, ...crossErrors.filter((issue) => !refused.some((parent) => within(issue.path, parent))), ...skipped.map((message) => ({ path: '', message }))];
  if (!result.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, scenario: result.data, warnings: scenarioWarnings(result.data, options) };
}

/** Text (JSON or YAML) → checked scenario. */
export function loadScenario(text: string, format: ScenarioFormat, options: ScenarioCheckOptions = {}): ScenarioCheck {
  const parsed = parseScenarioText(text, format);
  return parsed.ok ? validateScenario(parsed.data, options) : parsed;
}

/**
 * Data → scenario, for callers that refuse with a domain error (HTTP upload, room creation).
 * @throws DomainError `invalid` listing every `path: message`.
 */
export function parseScenario(data: unknown): Scenario {
  const result = validateScenario(data);
  if (!result.ok) throw invalid(`Scénario invalide : ${issuesInline(result.errors)}`);
  return result.scenario;
}

/** What is worth a look but does not prevent playing: uncovered objectives, unknown event types. */
export function scenarioWarnings(scenario: Scenario, options: ScenarioCheckOptions = {}): ScenarioIssue[] {
  const warnings: ScenarioIssue[] = [];
  const covered = new Set(scenario.chronogramme.flatMap((stimulus) => stimulus.expectedActions.flatMap(objectivesOf)));
  const graded = new Set(scenario.kit.observerKit.grid.map((section) => section.objectiveId));
  scenario.objectives.forEach((objective, i) => {
    if (!covered.has(objective.id)) warnings.push({ path: `objectives[${i}]`, message: `aucune réaction attendue ne couvre l’objectif « ${objective.id} »` });
    if (!graded.has(objective.id)) warnings.push({ path: `objectives[${i}]`, message: `la grille d’observation n’évalue pas l’objectif « ${objective.id} »` });
  });
  if (options.knownEventTypes) {
    const known = new Set(options.knownEventTypes);
    scenario.chronogramme.forEach((stimulus, i) => {
      const condition = stimulus.condition;
      if (condition === undefined || known.has(condition.eventType)) return;
      const outcome = condition.kind === 'if_no_event' ? 'le stimulus sera toujours injecté' : 'le stimulus ne sera jamais injecté';
      warnings.push({ path: `chronogramme[${i}].condition.eventType`, message: `type d’événement inconnu de la salle « ${condition.eventType} » : ${outcome}` });
    });
  }
  return warnings;
}

export interface ScenarioSummary {
  title: string;
  stimuli: number;
  /** FINEX if given, otherwise the latest offset. */
  durationMs: number;
}

export function summarizeScenario(scenario: Scenario): ScenarioSummary {
  const latest = Math.max(...scenario.chronogramme.map((stimulus) => parseOffset(stimulus.offset)));
  const durationMs = scenario.finex !== undefined ? parseOffset(scenario.finex) : latest;
  return { title: scenario.title, stimuli: scenario.chronogramme.length, durationMs };
}

/** `« Titre » — 28 stimuli, durée 03:00`. */
export function describeSummary(summary: ScenarioSummary): string {
  const count = summary.stimuli === 1 ? '1 stimulus' : `${summary.stimuli} stimuli`;
  return `« ${summary.title} » — ${count}, durée ${formatOffset(summary.durationMs)}`;
}

/** Scenario (or draft) → file text, in the format of the file it goes to. */
export function serializeScenario(data: unknown, format: ScenarioFormat): string {
  if (format === 'json') return `${JSON.stringify(data, null, 2)}\n`;
  return yaml.dump(data, { lineWidth: 110, noRefs: true, schema: yaml.CORE_SCHEMA });
}
