import { useMemo, useState } from 'react';
import type { Draft } from '../../shared/comms/draft.js';
import { diffWords } from '../../shared/comms/diff.js';
import { useT } from '../i18n/index.js';
import { TechnicalDetails } from './TechnicalDetails.js';
import { roomMoment, wallTimeLabel } from '../app/time.js';
import type { RoomState } from '../../shared/room-state.js';
import { ChoiceSelect } from '../app/ChoiceSelect.js';

/** The frozen versions of a draft, each with its fingerprint, validator and time; any two can be compared. */
export function VersionHistory({ draft, state }: { draft: Draft; state: RoomState }) {
  const { t, lang } = useT();
  const [left, setLeft] = useState<number | null>(null);
  const [right, setRight] = useState<number | null>(null);
  const versions = draft.versions;
  const choices = versions.map((v) => ({ value: String(v.number), label: `v${v.number}` }));
  const before = versions.find((v) => v.number === left);
  const after = versions.find((v) => v.number === (right ?? versions.at(-1)?.number));
  const parts = useMemo(() => (before && after ? diffWords(before.text, after.text) : null), [before, after]);
  if (versions.length === 0) return null;
  return (
    <section className="draft-versions" data-testid="draft-versions">
      <h4>{t('comms.versions')}</h4>
      <ol>
        {versions.map((v) => (
          <li key={v.number} data-testid="draft-version">
            <strong>{t('comms.version', { number: v.number, name: v.validatedBy.name, time: wallTimeLabel(v.validatedAt, { lang, seconds: true }) })}</strong>
            {v.publishedAt !== null && <> — {t('comms.version.published', { time: wallTimeLabel(v.publishedAt, { lang, seconds: true }) })}</>}
            {v.approvals.length > 0 && (
              <ul className="draft-approvals" data-testid="draft-version-joint">
                {v.approvals.map((a) => (
                  <li key={a.cell}>{t('comms.joint.approval', { cell: t(`comms.joint.the.${a.cell}`), name: a.by.name, time: roomMoment(state, a.exerciseTime, a.at, { lang }) })}</li>
                ))}
              </ul>
            )}
            <TechnicalDetails>{t('comms.version.hash', { hash: v.hash })}</TechnicalDetails>
            <pre className="draft-text">{v.text}</pre>
          </li>
        ))}
      </ol>
      {versions.length > 1 && (
        <div className="inline-form">
          <ChoiceSelect label={t('comms.compare')} value={left === null ? '' : String(left)} onChange={(v) => setLeft(v ? Number(v) : null)} empty="—" choices={choices} testId="diff-left" />
          <ChoiceSelect label={t('comms.compareWith')} value={String(right ?? versions.at(-1)!.number)} onChange={(v) => setRight(Number(v))} choices={choices} testId="diff-right" />
        </div>
      )}
      {parts && (
        <div className="draft-diff" data-testid="draft-diff">
          <p className="muted">{t('comms.diff.legend')}</p>
          <pre className="draft-text">{parts.map((p, i) => (p.kind === 'same' ? <span key={i}>{p.text}</span> : p.kind === 'added' ? <ins key={i}>{p.text}</ins> : <del key={i}>{p.text}</del>))}</pre>
        </div>
      )}
    </section>
  );
}
