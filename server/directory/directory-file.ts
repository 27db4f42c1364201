import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DomainError, type RowError } from '../../shared/core/errors.js';
import { defaultOrsanCyberChain } from '../../shared/alert-chain/default-chain.js';
import type { Contact } from '../../shared/directory/contact.js';
import { describeRowErrors, rowsToContacts, type DirectoryRows } from '../../shared/directory/rows.js';
import { readSheetTable, sheetFormatOf, type SheetFormat } from '../exercise/chronogramme-sheet.js';

/**
 * Reading the crisis directory from a CSV or XLSX file: the ARS's `DIRECTORY_FILE` at room creation, or a file
 * the director uploads. The row → contact mapping is pure (shared/directory/rows.ts).
 */

/** A file's bytes → contacts, or every row/column error (an unreadable file is one error on line 1). */
export async function parseDirectory(data: Buffer, format: SheetFormat, actorIds: readonly string[]): Promise<DirectoryRows> {
  try {
    return rowsToContacts(await readSheetTable(data, format), actorIds);
  } catch (error) {
    return { errors: [{ line: 1, column: '', message: `fichier ${format.toUpperCase()} illisible : ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

/** The refusal of a file with bad rows: `invalid`, every row in the message and, typed, in `details`. */
export function directoryRefusal(file: string, errors: readonly RowError[]): DomainError {
  return new DomainError('invalid', `Annuaire de crise « ${file} » refusé, rien n'a été chargé :\n${describeRowErrors(errors)}`, errors);
}

/** `DIRECTORY_FILE` read and checked against the chain's actors: its contacts, or the refusal naming each bad row. */
export async function readDirectoryFile(path: string, actorIds: readonly string[]): Promise<Contact[]> {
  const file = basename(path);
  const format = sheetFormatOf(path);
  if (!format) throw directoryRefusal(file, [{ line: 1, column: '', message: 'format inconnu : un fichier .csv ou .xlsx est attendu' }]);
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    throw directoryRefusal(file, [{ line: 1, column: '', message: `fichier introuvable ou illisible (${error instanceof Error ? error.message : String(error)})` }]);
  }
  const parsed = await parseDirectory(data, format, actorIds);
  if ('errors' in parsed) throw directoryRefusal(file, parsed.errors);
  return parsed.contacts;
}

/** The actors a crisis room's chain has (a crisis room has no scenario: the default ORSAN cyber chain). */
export const crisisChainActorIds = (): string[] => defaultOrsanCyberChain.actors.map((a) => a.id);
