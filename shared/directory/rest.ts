import { z } from 'zod';
import { ErrorBody, RowError } from '../core/errors.js';

/**
 * The REST contract of the crisis directory (`server/directory/routes.ts`), under `/api`, director only.
 * `GET /rooms/:roomId/directory.csv` exports the directory with the columns the import reads.
 */

/** The formats an import takes: `?format=`, else the Content-Type, else the extension of `?file=`. */
export const DirectoryFormat = z.enum(['csv', 'xlsx']);
export type DirectoryFormat = z.infer<typeof DirectoryFormat>;

/** The Content-Type of each format, for the client's upload and the server's reading of it. */
export const directoryContentTypes: Readonly<Record<DirectoryFormat, string>> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The largest file the import reads. */
export const maxDirectoryFileBytes = 2 * 1024 * 1024;

/** `POST /rooms/:roomId/directory/import?format=csv&file=annuaire.csv`, body: the file's bytes. */
export const DirectoryImportQuery = z.object({
  format: DirectoryFormat.optional(),
  file: z.string().trim().min(1).max(200).optional(),
});

/** The import was taken: the `directory.import` command's last event and the number of contacts now in the room. */
export const DirectoryImportResponse = z.object({ seq: z.number().int(), contacts: z.number().int().nonnegative(), file: z.string().nullable() });
export type DirectoryImportResponse = z.infer<typeof DirectoryImportResponse>;

/** A file refused (400 `invalid`): every bad row and column; nothing was loaded. */
export const DirectoryImportRefusal = z.object({ error: ErrorBody.extend({ code: z.literal('invalid'), details: z.array(RowError) }) });
export type DirectoryImportRefusal = z.infer<typeof DirectoryImportRefusal>;
