import { useMemo, useState } from 'react';
import { searchEstablishments, type Establishment } from '../../shared/care-map/establishment.js';
import type { SiteNames } from '../../shared/care-map/names.js';
import { useT } from '../i18n/index.js';

export interface SearchBoxProps {
  establishments: readonly Establishment[];
  names: SiteNames;
  onPick(finess: string): void;
}

/** Search by name, commune or FINESS number (accents and case ignored); picking one centres the map on it. */
export function SearchBox({ establishments, names, onPick }: SearchBoxProps) {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const results = useMemo(() => searchEstablishments(establishments, query), [establishments, query]);
  const pick = (finess: string) => {
    onPick(finess);
    setQuery('');
  };
  return (
    <div className="cm-search" role="search">
      <input
        type="search"
        value={query}
        placeholder={t('careMap.search')}
        aria-label={t('careMap.search')}
        data-testid="care-map-search"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && results[0]) pick(results[0].finess);
        }}
      />
      {query.trim().length >= 2 && (
        <ul className="cm-search-results">
          {results.length === 0 && <li className="muted">{t('careMap.noResult')}</li>}
          {results.map((e) => (
            <li key={e.finess}>
              <button type="button" className="link" data-testid={`search-result-${e.finess}`} onClick={() => pick(e.finess)}>
                {names.name(e.finess)}
              </button>{' '}
              <span className="muted">
                {e.commune} ({e.departement}) · {e.finess}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
