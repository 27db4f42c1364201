import { useCallback, useState } from 'react';

const keyOf = (sessionId: string) => `orsan-room:inbox-read:${sessionId}`;

function load(sessionId: string): Set<string> {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(keyOf(sessionId)) ?? '[]');
    return new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * The stimuli this person has opened (« lus »), kept on the device per session: reading is personal, unlike the
 * acknowledgement, which is the cell's and goes through the server.
 */
export function useReadStimuli(sessionId: string): { read: ReadonlySet<string>; markRead(id: string): void } {
  const [read, setRead] = useState(() => load(sessionId));
  const markRead = useCallback(
    (id: string) =>
      setRead((current) => {
        if (current.has(id)) return current;
        const next = new Set(current).add(id);
        try {
          localStorage.setItem(keyOf(sessionId), JSON.stringify([...next]));
        } catch {
          // storage refused (private mode): read marks last for this page only
        }
        return next;
      }),
    [sessionId],
  );
  return { read, markRead };
}
