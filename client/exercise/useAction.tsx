import { useState } from 'react';
import type { CommandAck } from '../../shared/protocol.js';
import { useT } from '../i18n/index.js';

/**
 * Sends a command and keeps the server's refusal, translated, to show beside the control that sent it.
 * `busy` disables the control while the ack is awaited, so a double click never sends twice.
 */
export function useAction(send: (type: string, payload: unknown) => Promise<CommandAck>) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (type: string, payload: unknown): Promise<boolean> => {
    setBusy(true);
    try {
      const ack = await send(type, payload);
      setError(ack.ok ? null : t('error.generic', { message: ack.error.message }));
      return ack.ok;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

/** The refusal of the last action, if any, announced to screen readers. */
export function ActionError({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="error">
      {error}
    </p>
  ) : null;
}
