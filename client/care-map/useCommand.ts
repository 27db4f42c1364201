import { useState } from 'react';
import { formatExerciseTime } from '../../shared/exercise/clock.js';
import type { CommandAck } from '../../shared/protocol.js';
import { useT } from '../i18n/index.js';

/** Sends a command and keeps the outcome to show beside the form (the server's message on refusal). */
export function useCommand(send: (type: string, payload: unknown) => Promise<CommandAck>) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (type: string, payload: unknown): Promise<boolean> => {
    setBusy(true);
    try {
      const ack = await send(type, payload);
      setFeedback(ack.ok ? { ok: true, text: t('careMap.form.saved') } : { ok: false, text: t('error.generic', { message: ack.error.message }) });
      return ack.ok;
    } finally {
      setBusy(false);
    }
  };
  return { busy, feedback, setFeedback, run };
}

/** `14:32` (wall clock), plus `T+01:30:00` in an exercise. */
export function formatWhen(wallTime: number, exerciseTime: number | null): string {
  const clock = new Date(wallTime).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
  return exerciseTime === null ? clock : `${clock} (T+${formatExerciseTime(exerciseTime)})`;
}
