import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { entryTypes, type EntryLinks, type EntryType } from '../../shared/main-courante/entry.js';
import type { EntryView } from '../../shared/main-courante/doc.js';
import type { RoomState } from '../../shared/room-state.js';
import { limits } from '../../shared/core/limits.js';
import { useT } from '../i18n/index.js';
import { EntryLinksPicker } from './EntryLinksPicker.js';
import type { EntryDraft } from './useMainCourante.js';
import { entryTime } from './format.js';

interface Props {
  state: RoomState;
  correcting: EntryView | null;
  onCancelCorrection(): void;
  onAdd(draft: EntryDraft): void;
}

/**
 * Keyboard-first entry: type and press Enter. Alt+1…5 picks the type (by key position, so it works on AZERTY),
 * Alt+S marks the entry significant, Escape leaves correction mode. The field keeps the focus after each entry.
 */
export function EntryComposer({ state, correcting, onCancelCorrection, onAdd }: Props) {
  const { t, lang } = useT();
  const [text, setText] = useState('');
  const [type, setType] = useState<EntryType>('information');
  const [significant, setSignificant] = useState(false);
  const [links, setLinks] = useState<EntryLinks>({});
  const [showLinks, setShowLinks] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);

  // « Corriger » starts from what the entry says, so the author edits it rather than retyping it; the entry
  // itself stays as written, the correction is a new entry shown under it.
  useEffect(() => {
    if (!correcting) return;
    setText(correcting.text);
    setType(correcting.type);
    setSignificant(correcting.significant);
    setLinks(correcting.links);
    input.current?.focus();
  }, [correcting]);

  const clear = () => {
    setText('');
    setSignificant(false);
    setLinks({});
  };

  /** Leaving correction mode drops the copied text: it must not be recorded as a new entry by mistake. */
  const cancelCorrection = () => {
    clear();
    onCancelCorrection();
    input.current?.focus();
  };

  // A correction that changes nothing is not one.
  const unchanged = correcting !== null && text.trim() === correcting.text.trim() && type === correcting.type;

  const submit = () => {
    if (!text.trim() || unchanged) return;
    onAdd({ type, text, significant, corrects: correcting?.id ?? null, links });
    clear();
    onCancelCorrection();
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey) {
      e.preventDefault();
      submit();
    } else if (e.altKey && /^Digit[1-5]$/.test(e.code)) {
      e.preventDefault();
      setType(entryTypes[Number(e.code.slice(5)) - 1]!);
    } else if (e.altKey && e.code === 'KeyS') {
      e.preventDefault();
      setSignificant((s) => !s);
    } else if (e.key === 'Escape' && correcting) {
      e.preventDefault();
      cancelCorrection();
    }
  };

  return (
    <form
      className="mc-composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {correcting && (
        <p className="mc-correcting" data-testid="mc-correcting">
          {t('mc.composer.correcting', { n: correcting.n, time: entryTime(correcting, lang), author: correcting.author })} « {correcting.text} »{' '}
          <button type="button" className="link" onClick={cancelCorrection} data-testid="mc-cancel-correction">
            {t('mc.composer.cancel')}
          </button>
        </p>
      )}
      <div className="mc-composer-row">
        <select aria-label={t('mc.composer.type')} value={type} onChange={(e) => setType(e.target.value as EntryType)} data-testid="mc-type">
          {entryTypes.map((value, i) => (
            <option key={value} value={value}>
              {i + 1}. {t(`mc.type.${value}`)}
            </option>
          ))}
        </select>
        <textarea
          ref={input}
          aria-label={t('mc.composer.label')}
          placeholder={t('mc.composer.placeholder')}
          value={text}
          rows={2}
          maxLength={limits.maxTextLength}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          autoFocus
          data-testid="mc-input"
        />
        <button type="submit" disabled={!text.trim() || unchanged} title={unchanged ? t('mc.composer.unchanged') : undefined} data-testid="mc-add">
          {t('mc.composer.add')}
        </button>
      </div>
      <div className="mc-composer-options">
        <label className="mc-check">
          <input type="checkbox" checked={significant} onChange={(e) => setSignificant(e.target.checked)} data-testid="mc-significant" />
          {t('mc.composer.significant')}
        </label>
        <button type="button" className="link" aria-expanded={showLinks} onClick={() => setShowLinks((s) => !s)}>
          {t('mc.composer.links')}
        </button>
        <span className="muted">{t('mc.composer.help')}</span>
      </div>
      {showLinks && <EntryLinksPicker state={state} links={links} onChange={setLinks} />}
    </form>
  );
}
