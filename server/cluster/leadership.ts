import type { RuntimeHook } from '../rooms/room-service.js';

/**
 * Which instance drives the room automations (exercise clock and stimulus scheduler, alert-chain overdue
 * timers). Exactly-once does not depend on it — every automation decides on the room's state and appends on
 * the expected head, so two drivers inject a stimulus once — but one driver means one timer per deadline,
 * not one per instance racing for the same append.
 */
export interface Leadership {
  /** Whether this instance drives the automations now. */
  isLeader(): boolean;
  /** Told `true` when this instance becomes the leader, `false` when it stops being it. Returns an unsubscribe. */
  onChange(listener: (leader: boolean) => void): () => void;
  /** Gives leadership up (graceful shutdown): another instance takes over at once. */
  stop(): Promise<void>;
}

/** A single instance (SQLite, or PostgreSQL without a cluster) is always the leader. */
export const alwaysLeader: Leadership = {
  isLeader: () => true,
  onChange: () => () => undefined,
  stop: async () => undefined,
};

/**
 * Wraps a room automation so that it runs only while this instance leads: attached when the room comes
 * live on the leader, detached when leadership is lost, attached again when it is regained. A new leader
 * first reads what the previous one appended (`refresh`), so that its timers are armed on the current log.
 *
 * @example
 * rooms.onRoomLive(leaderOnly(leadership, (runtime) => driveChronogramme(runtime, logger)));
 */
export function leaderOnly(leadership: Leadership, hook: RuntimeHook): RuntimeHook {
  return (runtime) => {
    let detach: (() => void) | null = null;
    // Bumped on every change: a refresh that ends after leadership moved again must not attach.
    let generation = 0;
    const stopAutomation = () => {
      generation += 1;
      detach?.();
      detach = null;
    };
    const attach = () => {
      detach = hook(runtime) ?? (() => undefined);
    };
    const unsubscribe = leadership.onChange((leader) => {
      stopAutomation();
      if (!leader) return;
      const mine = generation;
      // Should the read fail, attaching anyway is safe: a decision on a stale state is caught by the expected-head append.
      void runtime
        .refresh()
        .catch(() => undefined)
        .then(() => {
          if (mine === generation && leadership.isLeader()) attach();
        });
    });
    if (leadership.isLeader()) attach();
    return () => {
      unsubscribe();
      stopAutomation();
    };
  };
}
