import type { Draft } from '../../shared/comms/draft.js';
import { jointPartiesLabel, missingParties, standingApprovals } from '../../shared/comms/joint.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { roomMoment } from '../app/time.js';
import { refusalFor } from '../room/room-context.js';
import { useCommand, ActionError } from '../room/hooks/useCommand.js';

/**
 * A joint product's state of validation: « validé par l'ARS, en attente de la Préfecture », each validation with
 * who and when (both clocks); and the switch « validation conjointe », shown only while the server would accept it.
 */
export function JointStatus({ draft, props }: { draft: Draft; props: SectionProps }) {
  const { t, lang } = useT();
  const command = useCommand(props.send);
  const mayToggle = refusalFor(props, 'comms.setJoint', { draftId: draft.id, joint: !draft.joint }) === null;
  const standing = standingApprovals(draft);
  const missing = missingParties(draft);
  const the = (cell: string) => t(`comms.joint.the.${cell}`);
  // Validations of a text sent back: they hold again only if the same text comes back (same fingerprint).
  const suspended = draft.status !== 'soumis' ? draft.approvals.filter((a) => a.cycle === draft.cycle) : [];
  return (
    <section className="draft-joint" data-testid="draft-joint">
      {draft.joint && (
        <p data-testid="draft-joint-status">
          <strong>{t('comms.joint.badge')}</strong>
          {draft.status === 'soumis' &&
            ' — ' +
              (standing.length === 0
                ? t('comms.joint.none', { missing: missing.map(the).join(t('comms.joint.and')) })
                : missing.length > 0
                  ? t('comms.joint.half', { done: standing.map((a) => the(a.cell)).join(t('comms.joint.and')), missing: missing.map(the).join(t('comms.joint.and')) })
                  : t('comms.joint.both'))}
        </p>
      )}
      {draft.joint && standing.length > 0 && (
        <ul className="draft-approvals">
          {standing.map((a) => (
            <li key={a.cell} data-testid="draft-approval">
              {t('comms.joint.approval', { cell: the(a.cell), name: a.by.name, time: roomMoment(props.state, a.exerciseTime, a.at, { lang }) })}
            </li>
          ))}
        </ul>
      )}
      {draft.joint && suspended.length > 0 && <p className="muted">{t('comms.joint.suspended', { cells: suspended.map((a) => the(a.cell)).join(t('comms.joint.and')) })}</p>}
      {mayToggle && (
        <label className="inline-check">
          <input type="checkbox" checked={draft.joint} onChange={() => void command.run('comms.setJoint', { draftId: draft.id, joint: !draft.joint })} data-testid="draft-joint-toggle" />
          {t('comms.joint.label', { parties: jointPartiesLabel })}
        </label>
      )}
      <ActionError error={command.error} />
    </section>
  );
}
