import { useState } from 'react';
import type { SendOutcome } from '../../offline/outbox-sender.js';
import type { CommandType, PayloadOf } from '../../../shared/commands.js';
import { useT, type Translate } from '../../i18n/index.js';
import type { SectionProps } from '../section.js';

// Shared by every screen of the room: see useTick.ts for why the hooks live in client/room/hooks/.

/** What the last command left to show beside its form: the server's refusal, or a confirmation when asked for. */
export interface CommandFeedback {
  ok: boolean;
  text: string;
}

/** The refusal of an ack as a person reads it (`Erreur : …`, translated), or null when it was accepted. */
export function refusalText(t: Translate, ack: SendOutcome): string | null {
  return ack.ok ? null : t('error.generic', { message: ack.error.message });
}

/**
 * Sends a command and keeps its outcome to show beside the control that sent it: the translated refusal,
 * or `saved` when the command was accepted and the form wants to say so (else nothing).
 * `busy` disables the control while the ack is awaited, so a double click never sends twice.
 */
export function useCommand(send: SectionProps['send'], options: { saved?: string } = {}) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<CommandFeedback | null>(null);
  const run = async <K extends CommandType>(type: K, payload: PayloadOf<K>): Promise<boolean> => {
    setBusy(true);
    try {
      const ack = await send(type, payload);
      const refusal = refusalText(t, ack);
      // Offline, the command waits on the device: say so rather than « enregistré ».
      const queued = ack.ok && 'queued' in ack;
      setFeedback(refusal !== null ? { ok: false, text: refusal } : queued ? { ok: true, text: t('outbox.queuedFeedback') } : options.saved ? { ok: true, text: options.saved } : null);
      return ack.ok;
    } finally {
      setBusy(false);
    }
  };
  const error = feedback && !feedback.ok ? feedback.text : null;
  const setError = (text: string | null) => setFeedback(text === null ? null : { ok: false, text });
  return { busy, feedback, setFeedback, error, setError, run };
}

/** The outcome of the last command: a refusal is announced at once (`alert`), a confirmation politely (`status`). */
export function Feedback({ feedback }: { feedback: CommandFeedback | null }) {
  if (!feedback) return null;
  return (
    <p role={feedback.ok ? 'status' : 'alert'} className={feedback.ok ? 'muted' : 'error'}>
      {feedback.text}
    </p>
  );
}

/** A refusal (of a command or a REST call), if any, announced to screen readers. */
export function ActionError({ error }: { error: string | null }) {
  return <Feedback feedback={error ? { ok: false, text: error } : null} />;
}
