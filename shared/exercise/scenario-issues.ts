import type { z } from 'zod';

/**
 * How scenario problems read: each names its path, the bad value and what was expected, in French; problems with
 * one root cause (the same unknown actor named by five stimuli) are shown once, with every place they occur.
 */

/** One problem, at its path in the scenario (empty path: the file as a whole). */
export interface ScenarioIssue {
  path: string;
  message: string;
}

/** One root cause and every place it shows. */
export interface IssueGroup {
  message: string;
  paths: string[];
}

const maxQuoted = 60;

/** `« visio »`, shortened when long, so a pasted paragraph does not flood the report. */
function quote(value: string | number | boolean): string {
  const text = String(value);
  return `« ${text.length > maxQuoted ? `${text.slice(0, maxQuoted)}…` : text} »`;
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * A zod issue (parsed with `reportInput: true`) → a French message naming the bad value and what was expected:
 * `« visio » inconnu, attendu : mail, telephone, sms`. Other issues keep the locale's (or the schema's) message,
 * followed by the value when the message does not quote it already.
 */
export function describeSchemaIssue(issue: z.core.$ZodIssue): string {
  const input: unknown = issue.input;
  if (issue.code === 'invalid_value' && isPrimitive(input)) {
    return `${quote(input)} inconnu, attendu : ${issue.values.map(String).join(', ')}`;
  }
  // A discriminated union that matched no option (`kind: « sinon »`) lists the discriminator's values.
  const options = issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options) ? issue.options : null;
  if (issue.code === 'invalid_union' && issue.discriminator !== undefined && options) {
    const value = input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[issue.discriminator] : undefined;
    const expected = options.map(String).join(', ');
    return isPrimitive(value) ? `${quote(value)} inconnu, attendu : ${expected}` : `valeur requise, attendu : ${expected}`;
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => quote(key)).join(', ');
    return issue.keys.length === 1 ? `champ inconnu ${keys}` : `champs inconnus ${keys}`;
  }
  if (isPrimitive(input) && !issue.message.includes(quote(input)) && !issue.message.includes(String(input))) {
    return `${issue.message}, reçu ${quote(input)}`;
  }
  return issue.message;
}

/** The message's root cause: a message that quotes a value is one cause wherever it shows; a generic one (« valeur requise ») is one per field. */
function causeOf(issue: ScenarioIssue): string {
  if (issue.message.includes('«')) return issue.message;
  const field = /([^.[\]]+)(?:\[\d+\])?$/.exec(issue.path)?.[1] ?? '';
  return `${field}\u0000${issue.message}`;
}

/** Groups issues by root cause, in the order each cause first shows. */
export function groupIssues(issues: readonly ScenarioIssue[]): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    const cause = causeOf(issue);
    const group = groups.get(cause);
    if (group) group.paths.push(issue.path);
    else groups.set(cause, { message: issue.message, paths: [issue.path] });
  }
  return [...groups.values()];
}

/** `{ path: 'chronogramme[3].sender', message }` → `chronogramme[3].sender: message`. */
export function formatIssue(issue: ScenarioIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/**
 * A group as lines: one line `path: message` when it shows once, otherwise the message then one indented line per place.
 * @example formatIssueGroup({ message: 'émetteur inconnu « x »', paths: ['chronogramme[0].sender', 'chronogramme[4].sender'] })
 * // ['émetteur inconnu « x » — 2 endroits :', '    chronogramme[0].sender', '    chronogramme[4].sender']
 */
export function formatIssueGroup(group: IssueGroup): string[] {
  const [only] = group.paths;
  if (group.paths.length === 1 && only !== undefined) return [formatIssue({ path: only, message: group.message })];
  return [`${group.message} — ${group.paths.length} endroits :`, ...group.paths.map((path) => `    ${path || '(fichier)'}`)];
}

/** Every group on one line each (`message (a, b, c)`), for an error message that is not a terminal report. */
export function issuesInline(issues: readonly ScenarioIssue[]): string {
  return groupIssues(issues)
    .map((group) => (group.paths.length === 1 ? formatIssue({ path: group.paths[0] ?? '', message: group.message }) : `${group.message} (${group.paths.join(', ')})`))
    .join(' ; ');
}
