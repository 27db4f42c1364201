import type { EstablishmentKind } from '../../shared/care-map/establishment.js';
import type { MapFilter } from '../../shared/care-map/filters.js';
import { CareFunction, CareMode } from '../../shared/care-map/modes.js';
import { useT } from '../i18n/index.js';

export interface MapFiltersProps {
  /** The kinds present in the region (`kindsPresent`): only those are offered. */
  kinds: readonly EstablishmentKind[];
  filter: MapFilter;
  onChange(filter: MapFilter): void;
  /** How many establishments the filter hides, said beside the filters so an empty map is never a mystery. */
  hidden: number;
}

function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

/** The filter bar: one labelled checkbox per kind and per status (keyboard-usable, as native checkboxes are). */
export function MapFilters({ kinds, filter, onChange, hidden }: MapFiltersProps) {
  const { t } = useT();
  return (
    <details className="cm-filters" data-testid="care-map-filters">
      <summary>{t('careMap.filter.title')}</summary>
      <fieldset>
        <legend>{t('careMap.filter.kinds')}</legend>
        {kinds.map((kind) => (
          <label key={kind} className="cm-check">
            <input type="checkbox" checked={filter.kinds.has(kind)} onChange={() => onChange({ ...filter, kinds: toggled(filter.kinds, kind) })} data-testid={`filter-kind-${kind}`} />{' '}
            {t(`careMap.kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('careMap.filter.modes')}</legend>
        {CareMode.options.map((mode) => (
          <label key={mode} className="cm-check">
            <input type="checkbox" checked={filter.modes.has(mode)} onChange={() => onChange({ ...filter, modes: toggled(filter.modes, mode) })} data-testid={`filter-mode-${mode}`} />{' '}
            {t(`careMap.mode.${mode}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('careMap.filter.fn')}</legend>
        <label className="cm-check">
          <input type="checkbox" checked={filter.planBlancOnly === true} onChange={(e) => onChange({ ...filter, planBlancOnly: e.target.checked })} data-testid="filter-plan-blanc" />{' '}
          {t('careMap.filter.planBlanc')}
        </label>
        <label>
          {t('careMap.filter.fn')}{' '}
          <select value={filter.fn ?? ''} onChange={(e) => onChange({ ...filter, fn: e.target.value === '' ? null : CareFunction.parse(e.target.value) })} data-testid="filter-fn">
            <option value="">{t('careMap.filter.anyFn')}</option>
            {CareFunction.options.map((fn) => (
              <option key={fn} value={fn}>
                {t(`careMap.fn.${fn}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {hidden > 0 && (
        <p className="muted" role="status" data-testid="filter-hidden">
          {t('careMap.filter.hidden', { count: hidden })}{' '}
          <button type="button" className="link" onClick={() => onChange({ kinds: new Set(kinds), modes: new Set(CareMode.options) })}>
            {t('careMap.filter.reset')}
          </button>
        </p>
      )}
    </details>
  );
}
