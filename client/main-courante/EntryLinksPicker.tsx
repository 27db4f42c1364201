import type { EntryLinks } from '../../shared/main-courante/entry.js';
import type { RoomState } from '../../shared/room-state.js';
import { useT } from '../i18n/index.js';
import { dictGet } from '../../shared/core/dict.js';

/** Optional links of an entry: a received stimulus, an establishment (FINESS), a link of the alert chain. */
export function EntryLinksPicker({ state, links, onChange }: { state: RoomState; links: EntryLinks; onChange(links: EntryLinks): void }) {
  const { t } = useT();
  const actorLabel = (id: string) => state.alertChain.actors.find((a) => a.id === id)?.label ?? id;
  const set = (key: keyof EntryLinks, value: string) => {
    const next = { ...links };
    if (value) next[key] = value;
    else delete next[key];
    onChange(next);
  };
  return (
    <div className="mc-links">
      <label>
        {t('mc.link.stimulus')}
        <select value={links.stimulusId ?? ''} onChange={(e) => set('stimulusId', e.target.value)} data-testid="mc-link-stimulus">
          <option value="">{t('mc.link.none')}</option>
          {state.exercise.inboxOrder.map((id) => (
            <option key={id} value={id}>
              {dictGet(state.exercise.inbox, id)?.subject ?? id}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('mc.link.finess')}
        <input
          value={links.finess ?? ''}
          onChange={(e) =>
            set(
              'finess',
              e.target.value
                .toUpperCase()
                .replace(/[^0-9A-Z]/g, '')
                .slice(0, 9),
            )
          }
          pattern="[0-9A-Z]{9}"
          size={11}
          data-testid="mc-link-finess"
        />
      </label>
      <label>
        {t('mc.link.alertLink')}
        <select value={links.alertLinkId ?? ''} onChange={(e) => set('alertLinkId', e.target.value)} data-testid="mc-link-alert">
          <option value="">{t('mc.link.none')}</option>
          {state.alertChain.links.map((link) => (
            <option key={link.id} value={link.id}>
              {actorLabel(link.from)} → {actorLabel(link.to)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
