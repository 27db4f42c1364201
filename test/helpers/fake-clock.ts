import type { WallClock } from '../../server/access/wall-clock.js';

interface FakeTimer {
  at: number;
  callback: () => void;
  live: boolean;
}

/** A wall clock that moves only when the test says so; its timers run when time passes their due date. */
export class FakeClock implements WallClock {
  private time: number;
  private timers: FakeTimer[] = [];

  constructor(start = Date.now()) {
    this.time = start;
  }

  now = (): number => this.time;

  setTimer = (callback: () => void, delayMs: number): (() => void) => {
    const timer: FakeTimer = { at: this.time + delayMs, callback, live: true };
    this.timers.push(timer);
    return () => {
      timer.live = false;
    };
  };

  /** Moves time forward without running the timers: what a request arriving just before them sees. */
  jump(ms: number): void {
    this.time += ms;
  }

  /** Moves time forward (if asked) and runs every timer now due, including those they set. */
  advance(ms = 0): void {
    this.time += ms;
    for (;;) {
      const due = this.timers.filter((t) => t.live && t.at <= this.time).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      due.live = false;
      due.callback();
    }
    this.timers = this.timers.filter((t) => t.live);
  }

  pendingTimers(): number {
    return this.timers.filter((t) => t.live).length;
  }
}
