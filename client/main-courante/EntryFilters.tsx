import { entryTypes, type EntryType } from '../../shared/main-courante/entry.js';
import type { EntryFilter } from '../../shared/main-courante/view.js';
import { VerificationStatus } from '../../shared/main-courante/verification.js';
import type { RoomState } from '../../shared/room-state.js';
import { useT } from '../i18n/index.js';

interface Props {
  filter: EntryFilter;
  onChange(filter: EntryFilter): void;
  authors: string[];
  cells: string[];
  state: RoomState;
}

/** Search and filters of the main courante: cell, type, author, verification status, significant only. */
export function EntryFilters({ filter, onChange, authors, cells, state }: Props) {
  const { t } = useT();
  const set = (change: Partial<EntryFilter>) => onChange({ ...filter, ...change });
  return (
    <div className="mc-filters" role="search">
      <label className="mc-search">
        {t('mc.filter.search')}
        <input type="search" value={filter.query ?? ''} onChange={(e) => set({ query: e.target.value })} data-testid="mc-search" />
      </label>
      <label>
        {t('mc.filter.cell')}
        <select value={filter.cell ?? ''} onChange={(e) => set({ cell: e.target.value || undefined })} data-testid="mc-filter-cell">
          <option value="">{t('mc.filter.all')}</option>
          {cells.map((c) => (
            <option key={c} value={c}>
              {state.room.cells.find((x) => x.id === c)?.label ?? c}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('mc.filter.type')}
        <select value={filter.type ?? ''} onChange={(e) => set({ type: (e.target.value || undefined) as EntryType | undefined })} data-testid="mc-filter-type">
          <option value="">{t('mc.filter.all')}</option>
          {entryTypes.map((type) => (
            <option key={type} value={type}>
              {t(`mc.type.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('mc.filter.author')}
        <select value={filter.author ?? ''} onChange={(e) => set({ author: e.target.value || undefined })} data-testid="mc-filter-author">
          <option value="">{t('mc.filter.all')}</option>
          {authors.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('mc.filter.verification')}
        <select
          value={filter.verification ?? ''}
          onChange={(e) => {
            const parsed = VerificationStatus.safeParse(e.target.value);
            set({ verification: parsed.success ? parsed.data : undefined });
          }}
          data-testid="mc-filter-verification"
        >
          <option value="">{t('mc.filter.all')}</option>
          {VerificationStatus.options.map((status) => (
            <option key={status} value={status}>
              {t(`mc.verification.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="mc-check">
        <input type="checkbox" checked={!!filter.significantOnly} onChange={(e) => set({ significantOnly: e.target.checked })} />
        {t('mc.filter.significant')}
      </label>
    </div>
  );
}
