import type pg from 'pg';

/** Rejects if `work` has not settled within `ms`: a half-dead connection can leave a query unanswered for minutes. */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from PostgreSQL within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Ends a dedicated session (releasing its session locks), without waiting more than `ms` on a dead peer. */
export async function endSession(client: pg.Client, ms = 3000): Promise<void> {
  await withTimeout(client.end(), ms).catch(() => undefined);
}
