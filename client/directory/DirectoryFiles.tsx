import { useState, type ChangeEvent } from 'react';
import type { DomainError, RowError } from '../../shared/core/errors.js';
import { directoryContentTypes, type DirectoryImportResponse } from '../../shared/directory/rest.js';
import { api, ApiError, roomPath } from '../app/api.js';
import { useT } from '../i18n/index.js';
import { ActionError } from '../room/hooks/useCommand.js';
import type { SectionProps } from '../room/section.js';

interface Props extends Pick<SectionProps, 'me'> {
  /** Why the director may not change the directory now (closed room), or null. */
  refusal: DomainError | null;
  onAdd(): void;
}

/** The director's tools: import a CSV/XLSX (all or nothing, errors by row), export as CSV, add a contact. */
export function DirectoryFiles({ me, refusal, onAdd }: Props) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<readonly RowError[]>([]);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setDone(null);
    setError(null);
    setRows([]);
    const format = file.name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
    try {
      const typed = new Blob([file], { type: directoryContentTypes[format] });
      const query = new URLSearchParams({ format, file: file.name });
      const answer = await api.json<DirectoryImportResponse>(roomPath(me.roomId, `/directory/import?${query.toString()}`), { method: 'POST', session: me, file: typed });
      setDone(t('directory.import.done', { contacts: answer.contacts, file: answer.file ?? file.name }));
    } catch (e) {
      if (e instanceof ApiError && e.details && e.details.length > 0) setRows(e.details);
      else setError(t('error.generic', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = () => {
    setError(null);
    api.download(roomPath(me.roomId, '/directory.csv'), { session: me, fallbackName: `annuaire-${me.roomId}.csv` }).catch((e: Error) => setError(t('error.generic', { message: e.message })));
  };

  return (
    <div className="dir-files">
      <div className="dir-toolbar">
        <label className="dir-import">
          {t('directory.import')}
          <input type="file" accept=".csv,.xlsx,text/csv" disabled={busy || refusal !== null} title={refusal?.message} onChange={(e) => void upload(e)} data-testid="directory-import" />
        </label>
        <button className="secondary" onClick={exportCsv} data-testid="directory-export">
          {t('directory.export')}
        </button>
        <button disabled={refusal !== null} title={refusal?.message} onClick={onAdd} data-testid="directory-add">
          {t('directory.add')}
        </button>
      </div>
      <p className="muted">{t('directory.import.hint')}</p>
      {done && (
        <p role="status" className="muted">
          {done}
        </p>
      )}
      <ActionError error={error} />
      {rows.length > 0 && (
        <div role="alert" className="error" data-testid="directory-import-errors">
          <p>{t('directory.import.refused')}</p>
          <ul>
            {rows.map((r, i) => (
              <li key={i}>{t('directory.import.row', { line: r.line, column: r.column, message: r.message })}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
