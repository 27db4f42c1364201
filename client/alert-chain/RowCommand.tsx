import type { CommandType, PayloadOf } from '../../shared/commands.js';
import { useCan } from '../room/room-context.js';
import type { SectionProps } from '../room/section.js';
import { useCommand } from '../room/hooks/useCommand.js';

interface Props<K extends CommandType> {
  send: SectionProps['send'];
  type: K;
  payload: PayloadOf<K>;
  label: string;
  testId: string;
  /** Nothing left to record (the fact is known, the stage done). */
  hidden: boolean;
}

/**
 * The one command of a chain row (record a fact, a stage): hidden from a role that may never send it, disabled
 * with the server's reason while it would refuse (`useCan`), its refusal shown beside it once sent.
 */
export function RowCommand<K extends CommandType>({ send, type, payload, label, testId, hidden }: Props<K>) {
  const refusal = useCan(type, payload);
  const { busy, error, run } = useCommand(send);
  const shown = !hidden && refusal?.code !== 'forbidden';
  return (
    <>
      {shown && (
        <button className="secondary" data-testid={testId} disabled={busy || refusal !== null} title={refusal?.message} onClick={() => void run(type, payload)}>
          {label}
        </button>
      )}
      {error && (
        <span role="alert" className="error">
          {' '}
          {error}
        </span>
      )}
    </>
  );
}
