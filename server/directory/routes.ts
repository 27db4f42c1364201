import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import express, { Router } from 'express';
import { DomainError, describeZodError } from '../../shared/core/errors.js';
import { toCsv } from '../../shared/retex/csv.js';
import { contactsToRows } from '../../shared/directory/rows.js';
import { DirectoryImportQuery, directoryContentTypes, maxDirectoryFileBytes, type DirectoryFormat, type DirectoryImportResponse } from '../../shared/directory/rest.js';
import { roomSessions, type RoomRequest, type RoomSessionDeps } from '../http/room-session.js';
import { sheetFormatOf } from '../exercise/chronogramme-sheet.js';
import { directoryRefusal, parseDirectory } from './directory-file.js';

/** The format of an upload: `?format=`, else its Content-Type, else the extension of `?file=`. */
function formatOf(req: RoomRequest, query: { format?: DirectoryFormat | undefined; file?: string | undefined }): DirectoryFormat {
  if (query.format) return query.format;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === directoryContentTypes.csv || type === 'application/csv') return 'csv';
  if (type === directoryContentTypes.xlsx) return 'xlsx';
  const fromName = query.file ? sheetFormatOf(query.file) : null;
  if (fromName) return fromName;
  throw new DomainError('invalid', 'Format du fichier inconnu : envoyer un CSV (text/csv) ou un XLSX, ou préciser ?format=csv|xlsx.');
}

/**
 * The crisis directory's files, for the director only: import a CSV/XLSX (the whole file or nothing, through
 * the `directory.import` command so that it is logged) and export the directory as CSV.
 */
export function directoryRoutes(deps: RoomSessionDeps): Router {
  const router = Router();
  const { directorSession } = roomSessions(deps);
  // Any Content-Type: a browser may send a CSV as `application/vnd.ms-excel` or nothing at all.
  const rawFile = express.raw({ type: () => true, limit: maxDirectoryFileBytes });

  router.post('/rooms/:roomId/directory/import', rawFile, async (req: RoomRequest, res) => {
    const { runtime, participant } = await directorSession(req);
    const query = DirectoryImportQuery.safeParse(req.query);
    if (!query.success) throw new DomainError('invalid', describeZodError(query.error));
    const format = formatOf(req, query.data);
    const data: unknown = req.body;
    if (!Buffer.isBuffer(data) || data.length === 0) throw new DomainError('invalid', 'Fichier vide : envoyer le CSV ou le XLSX dans le corps de la requête.');
    const file = query.data.file ? basename(query.data.file) : `annuaire.${format}`;
    const actorIds = runtime.state.alertChain.actors.map((a) => a.id);
    const parsed = await parseDirectory(data, format, actorIds);
    if ('errors' in parsed) throw directoryRefusal(file, parsed.errors);
    const outcome = await runtime.execute(participant, randomUUID(), 'directory.import', { contacts: parsed.contacts, file });
    res.json({ seq: outcome.seq, contacts: parsed.contacts.length, file } satisfies DirectoryImportResponse);
  });

  router.get('/rooms/:roomId/directory.csv', async (req: RoomRequest, res) => {
    const { runtime, viewer } = await directorSession(req);
    const state = await runtime.exclusive(() => runtime.stateFor(viewer));
    const table = contactsToRows(state.directory.contacts);
    res
      .type('text/csv; charset=utf-8')
      .attachment(`annuaire-${state.room.id}.csv`)
      // With a BOM, Excel reads the accents as UTF-8.
      .send(
        `\uFEFF${toCsv(
          table.headers,
          table.rows.map((r) => r.values),
        )}`,
      );
  });

  return router;
}
