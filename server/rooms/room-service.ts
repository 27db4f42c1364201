import { randomBytes } from 'node:crypto';
import { defaultCells, systemActor } from '../../shared/core/roles.js';
import { notFound } from '../../shared/core/errors.js';
import type { EventDraft } from '../../shared/core/events.js';
import type { EventStore } from '../store/types.js';
import { RoomRuntime } from './room-runtime.js';
import type { RoomRequest, RoomSetupContext, RoomSetupStep } from './room-setup.js';

/** Runs when a room comes live; may return what to do when the service closes (stop timers…). */
export type RuntimeHook = (runtime: RoomRuntime) => void | (() => void);

/** Lowercase base32 without look-alike letters: readable in a URL and over the phone. */
function newRoomId(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from(randomBytes(12), (b) => alphabet[b % alphabet.length]).join('');
}

/** Live rooms of this instance: loads each from the log on first use, creates new ones. */
export class RoomService {
  private readonly live = new Map<string, Promise<RoomRuntime>>();
  private readonly hooks: RuntimeHook[] = [];
  private readonly cleanups: Array<() => void> = [];
  private closed = false;

  constructor(
    private readonly store: EventStore,
    private readonly setupSteps: readonly RoomSetupStep[],
    private readonly scenariosDir: string,
    private readonly wallClock: () => number = Date.now,
  ) {}

  /** Runs `hook` on every room as it comes live (broadcast wiring, timers, scheduler). */
  onRoomLive(hook: RuntimeHook): void {
    this.hooks.push(hook);
  }

  async create(request: RoomRequest): Promise<RoomRuntime> {
    const roomId = newRoomId();
    const ctx: RoomSetupContext = { roomId, request, cells: defaultCells.map((c) => ({ ...c })), bag: new Map(), scenariosDir: this.scenariosDir };
    const drafts: EventDraft[] = [];
    for (const step of this.setupSteps) drafts.push(...(await step(ctx)));
    const created: EventDraft = {
      type: 'room.created',
      payload: { mode: request.mode, title: request.title, cells: ctx.cells },
      visibility: 'all',
    };
    const first = [created, ...drafts];
    if (request.mode === 'crisis') first.push(crisisClockStart(this.wallClock()));
    const wallTime = this.wallClock();
    await this.store.append(
      roomId,
      first.map((d) => ({ ...d, actor: systemActor, wallTime, exerciseTime: 0 })),
      null,
    );
    return this.get(roomId);
  }

  /** The live room, loaded from the log if needed; `not_found` if the log has no such room. */
  async get(roomId: string): Promise<RoomRuntime> {
    let pending = this.live.get(roomId);
    if (!pending) {
      pending = this.load(roomId);
      this.live.set(roomId, pending);
      pending.catch(() => this.live.delete(roomId));
    }
    return pending;
  }

  async exists(roomId: string): Promise<boolean> {
    return this.live.has(roomId) || (await this.store.headSeq(roomId)) > 0;
  }

  async loadAll(): Promise<void> {
    for (const id of await this.store.listRoomIds()) await this.get(id);
  }

  /** Stops every room automation (timers); the rooms themselves live on in the log. */
  close(): void {
    this.closed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  liveRooms(): Promise<RoomRuntime[]> {
    return Promise.all(this.live.values());
  }

  private async load(roomId: string): Promise<RoomRuntime> {
    if ((await this.store.headSeq(roomId)) === 0) throw notFound(`Salle « ${roomId} » introuvable.`);
    const runtime = await RoomRuntime.load(roomId, this.store, this.wallClock);
    if (this.closed) return runtime;
    for (const hook of this.hooks) {
      const cleanup = hook(runtime);
      if (cleanup) this.cleanups.push(cleanup);
    }
    return runtime;
  }
}

/** A real crisis has no DEBEX: its clock runs from the room's creation (T0), at real speed. */
function crisisClockStart(wallTime: number): EventDraft {
  const clock = { status: 'running', speed: 1, anchorWall: wallTime, anchorExercise: 0 };
  return { type: 'clock.changed', payload: { action: 'start', clock }, visibility: 'all' };
}
