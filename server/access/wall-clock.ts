/** Wall time and one-shot timers: the system's, or a test's that moves time by hand instead of waiting. */
export interface WallClock {
  now(): number;
  /** Calls `callback` once, about `delayMs` from now; the returned function cancels it. */
  setTimer(callback: () => void, delayMs: number): () => void;
}

export const systemClock: WallClock = {
  now: () => Date.now(),
  setTimer(callback, delayMs) {
    const timer = setTimeout(callback, delayMs);
    // A pending expiry must never keep a stopping process alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
