import { z } from 'zod';
import { channelLabels } from '../core/channels.js';
import type { Scenario } from './scenario.js';
import { Stimulus, stimulusTypeLabels } from './scenario-stimulus.js';
import {
  channelOf,
  columnHeader,
  columnOfHeader,
  normalizeOffsetCell,
  nouns,
  resolveName,
  sheetColumns,
  stimulusTypeOf,
  type Named,
  type Noun,
  type SheetColumnKey,
} from './scenario-sheet-columns.js';
import { parseExpectedCell, writeExpectedCell, writeObjectives } from './scenario-sheet-expected.js';
import { ownValue } from '../core/dict.js';

/**
 * Chronogramme ⇄ spreadsheet rows, pure. A sheet carries every field of a stimulus except attachments,
 * conditions and care-map effects; `mergeSheetStimuli` keeps those from the scenario being updated.
 */

/** A sheet as plain text cells; `line` is the row number people see (the header is line 1). */
export interface SheetTable {
  headers: string[];
  rows: { line: number; values: string[] }[];
}

/** What names in a sheet are resolved against. */
export type SheetContext = Pick<Scenario, 'cells' | 'simulatedActors' | 'objectives'>;

export type SheetImport = { ok: true; stimuli: Stimulus[]; warnings: string[] } | { ok: false; errors: string[] };

const fieldColumns: Partial<Record<string, SheetColumnKey>> = {
  id: 'id',
  offset: 'offset',
  phase: 'phase',
  type: 'type',
  sender: 'sender',
  recipients: 'recipients',
  channel: 'channel',
  subject: 'subject',
  content: 'content',
  animatorNotes: 'notes',
  evaluationCriterion: 'criterion',
  expectedActions: 'expected',
};

/** Sheet rows → validated stimuli; every error names its row and column (`ligne 7, canal : …`). */
export function sheetToStimuli(table: SheetTable, context: SheetContext): SheetImport {
  const columns = table.headers.map(columnOfHeader);
  const errors: string[] = [];
  const warnings = table.headers.filter((header, i) => columns[i] === null && header.trim() !== '').map((header) => `colonne ignorée « ${header} »`);
  for (const column of sheetColumns.filter((c) => c.required && !columns.includes(c.key))) {
    errors.push(`ligne 1 : colonne « ${column.header} » manquante`);
  }
  if (errors.length > 0) return { ok: false, errors };
  const stimuli: Stimulus[] = [];
  const firstLineOf = new Map<string, number>();
  table.rows
    .filter((row) => row.values.some((value) => value.trim() !== ''))
    .forEach((row, index) => {
      const cell = (key: SheetColumnKey) => (row.values[columns.indexOf(key)] ?? '').trim();
      const built = rowToStimulus(cell, index, context);
      const rowErrors = built.ok ? checkRow(built.stimulus, firstLineOf, row.line) : built.errors;
      errors.push(...rowErrors.map((message) => `ligne ${row.line}, ${message}`));
      if (built.ok) stimuli.push(built.stimulus);
    });
  if (stimuli.length === 0 && errors.length === 0) errors.push('aucun stimulus dans la feuille');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, stimuli, warnings };
}

function checkRow(stimulus: Stimulus, firstLineOf: Map<string, number>, line: number): string[] {
  const first = firstLineOf.get(stimulus.id);
  if (first !== undefined) return [`${columnHeader('id')} : stimulus en double « ${stimulus.id} » (déjà ligne ${first})`];
  firstLineOf.set(stimulus.id, line);
  return [];
}

type Built = { ok: true; stimulus: Stimulus } | { ok: false; errors: string[] };

/**
 * A problem of one cell; `key` (the column, or for an expected action its number and field) is kept so that the
 * schema does not report the same value a second time.
 */
interface CellError {
  key: string;
  message: string;
}

function rowToStimulus(cell: (key: SheetColumnKey) => string, index: number, context: SheetContext): Built {
  const errors: CellError[] = [];
  const fail = (key: SheetColumnKey, message: string) => errors.push({ key, message: `${columnHeader(key)} : ${message}` });
  const resolve = (key: SheetColumnKey, value: string, items: readonly Named[], noun: Noun) => {
    const found = resolveName(value, items, noun);
    if (!found.ok) fail(key, found.message);
    return found.ok ? found.id : value;
  };
  const required = (key: SheetColumnKey) => {
    if (cell(key) === '') fail(key, 'valeur requise');
    return cell(key);
  };
  const enumCell = <T extends string>(key: SheetColumnKey, parse: (value: string) => T | null, fallback?: T) => {
    const value = cell(key);
    if (value === '' && fallback !== undefined) return fallback;
    const parsed = value === '' ? null : parse(value);
    if (parsed === null) fail(key, value === '' ? 'valeur requise' : `valeur inconnue « ${value} »`);
    return parsed ?? value;
  };
  const id = cell('id') || `stim-${String(index + 1).padStart(2, '0')}`;
  const sender = required('sender') && resolve('sender', cell('sender'), context.simulatedActors, nouns.actor);
  const recipients = cell('recipients')
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => resolve('recipients', name, context.cells, nouns.cell));
  const expected = parseExpectedCell(cell('expected'), { stimulusId: id, objectiveCell: cell('objective'), objectives: context.objectives });
  expected.errors.forEach((e) => errors.push({ key: `expected#${e.index}#${e.field ?? ''}`, message: `${columnHeader('expected')} ${e.message}` }));
  const draft = {
    id,
    offset: normalizeOffsetCell(required('offset')),
    phase: cell('phase') || undefined,
    sender,
    recipients,
    channel: enumCell('channel', channelOf),
    subject: required('subject'),
    content: required('content'),
    type: enumCell('type', stimulusTypeOf, 'prevu'),
    expectedActions: expected.actions,
    animatorNotes: cell('notes') || undefined,
    evaluationCriterion: cell('criterion') || undefined,
  };
  const parsed = Stimulus.safeParse(draft, { error: z.locales.fr().localeError });
  const reported = new Set(errors.map((error) => error.key));
  const schemaErrors = parsed.success ? [] : parsed.error.issues.map(describeRowIssue).filter((error) => !reported.has(error.key));
  const messages = unique([...errors, ...schemaErrors].map((error) => error.message));
  return messages.length > 0 || !parsed.success ? { ok: false, errors: messages } : { ok: true, stimulus: parsed.data };
}

const actionFieldLabels: Record<string, string> = { id: 'id', label: 'libellé', criterion: 'critère', objective: 'objectif', objectiveIds: 'objectifs', deadline: 'échéance' };

function describeRowIssue(issue: z.core.$ZodIssue): CellError {
  const [field, index, sub] = issue.path;
  const key = ownValue(fieldColumns, String(field)) ?? 'id';
  if (key === 'expected' && typeof index === 'number') {
    const part = sub === undefined ? '' : ` (${ownValue(actionFieldLabels, String(sub)) ?? String(sub)})`;
    return { key: `expected#${index}#${String(sub ?? '')}`, message: `${columnHeader('expected')} n° ${index + 1}${part} : ${issue.message}` };
  }
  return { key, message: `${columnHeader(key)} : ${issue.message}` };
}

function unique(messages: string[]): string[] {
  return [...new Set(messages)];
}

/** Stimuli → sheet rows with the same columns the import reads. Names are written as labels when unambiguous. */
export function stimuliToSheet(stimuli: readonly Stimulus[], context: SheetContext): SheetTable {
  const name = (id: string, items: readonly Named[]) => {
    const item = items.find((candidate) => candidate.id === id);
    if (!item) return id;
    const back = resolveName(item.label, items, nouns.actor);
    return back.ok && back.id === id ? item.label : id;
  };
  const rows = stimuli.map((stimulus, index) => {
    const objectives = new Set(stimulus.expectedActions.map(writeObjectives));
    const shared = objectives.size === 1 ? [...objectives][0] : undefined;
    const values: Record<SheetColumnKey, string> = {
      id: stimulus.id,
      offset: stimulus.offset,
      phase: stimulus.phase ?? '',
      type: stimulusTypeLabels[stimulus.type],
      sender: name(stimulus.sender, context.simulatedActors),
      recipients: stimulus.recipients.map((cell) => name(cell, context.cells)).join(' ; '),
      channel: channelLabels[stimulus.channel],
      subject: stimulus.subject,
      content: stimulus.content,
      expected: writeExpectedCell(stimulus.expectedActions, stimulus.id, shared),
      objective: shared ?? '',
      criterion: stimulus.evaluationCriterion ?? '',
      notes: stimulus.animatorNotes ?? '',
    };
    return { line: index + 2, values: sheetColumns.map((column) => values[column.key]) };
  });
  return { headers: sheetColumns.map((column) => column.header), rows };
}

/** The imported rows, with the attachments, condition, care-map effects and chain steps of the previous stimulus of the same id. */
export function mergeSheetStimuli(imported: readonly Stimulus[], previous: readonly Stimulus[]): Stimulus[] {
  const byId = new Map(previous.map((stimulus) => [stimulus.id, stimulus]));
  return imported.map((stimulus) => {
    const before = byId.get(stimulus.id);
    if (!before) return stimulus;
    const kept: Partial<Stimulus> = {};
    if (before.attachments) kept.attachments = before.attachments;
    if (before.condition) kept.condition = before.condition;
    if (before.careMapEffects) kept.careMapEffects = before.careMapEffects;
    if (before.chainSteps) kept.chainSteps = before.chainSteps;
    // Parsing again puts the fields back in the schema's order, so an unchanged file stays byte-identical.
    return Stimulus.parse({ ...stimulus, ...kept });
  });
}

/** The fields a sheet carries, for comparing a chronogramme with its round trip through a sheet. */
export function sheetFields(stimulus: Stimulus): Omit<Stimulus, 'attachments' | 'condition' | 'careMapEffects' | 'chainSteps'> {
  const { attachments: _attachments, condition: _condition, careMapEffects: _effects, chainSteps: _steps, ...carried } = stimulus;
  return carried;
}
