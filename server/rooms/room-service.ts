import { randomBytes } from 'node:crypto';
import { defaultCells, systemActor } from '../../shared/core/roles.js';
import { notFound, type DomainError } from '../../shared/core/errors.js';
import type { EventDraft } from '../../shared/core/events.js';
import type { EventStore } from '../store/types.js';
import { RoomRuntime } from './room-runtime.js';
import { RoomBrokenError } from './rehearsal.js';
import type { RoomRequest, RoomSetupContext, RoomSetupStep } from './room-setup.js';
import { clockChanged, roomCreated } from '../../shared/room/events.js';

/** Runs when a room comes live; may return what to do when the service closes (stop timers…). */
export type RuntimeHook = (runtime: RoomRuntime) => void | (() => void);

/** A room whose log cannot be replayed: listed on `/readyz`, refused to its participants with `unavailable`. */
export interface QuarantinedRoom {
  roomId: string;
  /** The first event that cannot be applied. */
  seq: number;
  reason: string;
}

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
  private readonly quarantined = new Map<string, RoomBrokenError>();
  private readonly quarantineListeners: Array<(error: RoomBrokenError) => void> = [];
  private closed = false;

  constructor(
    private readonly store: EventStore,
    private readonly setupSteps: readonly RoomSetupStep[],
    private readonly scenariosDir: string,
    private readonly wallClock: () => number = Date.now,
    /** `DIRECTORY_FILE`: the crisis directory a crisis room starts with. */
    private readonly directoryFile?: string,
  ) {}

  /** Runs `hook` on every room as it comes live (broadcast wiring, timers, scheduler). */
  onRoomLive(hook: RuntimeHook): void {
    this.hooks.push(hook);
  }

  async create(request: RoomRequest): Promise<RoomRuntime> {
    const roomId = newRoomId();
    const ctx: RoomSetupContext = { roomId, request, cells: defaultCells.map((c) => ({ ...c })), scenario: null, scenariosDir: this.scenariosDir, directoryFile: this.directoryFile };
    const drafts: EventDraft[] = [];
    for (const step of this.setupSteps) drafts.push(...(await step(ctx)));
    const created: EventDraft = roomCreated.draft({ mode: request.mode, title: request.title, cells: ctx.cells, access: request.access ?? 'code' }, 'all');
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

  /** Told of each room put in quarantine (to log it). */
  onQuarantine(listener: (error: RoomBrokenError) => void): void {
    this.quarantineListeners.push(listener);
  }

  /**
   * The live room, loaded from the log if needed; `not_found` if the log has no such room, `unavailable` if the
   * room is quarantined (its log cannot be replayed: the other rooms are not affected).
   */
  async get(roomId: string): Promise<RoomRuntime> {
    const quarantined = this.quarantined.get(roomId);
    if (quarantined) throw quarantined.refusal();
    let pending = this.live.get(roomId);
    if (!pending) {
      pending = this.load(roomId);
      this.live.set(roomId, pending);
      pending.catch(() => this.live.delete(roomId));
    }
    const runtime = await pending;
    if (runtime.broken) throw this.putInQuarantine(runtime.broken);
    return runtime;
  }

  /** The refusal a participant of `roomId` gets while the room is quarantined, or null. */
  quarantineRefusal(roomId: string): DomainError | null {
    return this.quarantined.get(roomId)?.refusal() ?? null;
  }

  /** Rooms this instance could not replay (at startup or since), for `/readyz` and the logs. */
  quarantine(): QuarantinedRoom[] {
    return [...this.quarantined.values()].map((e) => ({ roomId: e.roomId, seq: e.seq, reason: e.cause instanceof Error ? e.cause.message : String(e.cause) }));
  }

  async exists(roomId: string): Promise<boolean> {
    return this.live.has(roomId) || (await this.store.headSeq(roomId)) > 0;
  }

  /** Loads every room of the log; a room that cannot be replayed is quarantined and the others load on. */
  async loadAll(): Promise<void> {
    for (const id of await this.store.listRoomIds()) {
      try {
        await this.get(id);
      } catch (error) {
        if (!this.quarantined.has(id)) throw error;
      }
    }
  }

  /** Stops every room automation (timers); the rooms themselves live on in the log. */
  close(): void {
    this.closed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  /** The rooms loaded so far (a room still loading is waited for; one that failed to load is left out). */
  async liveRooms(): Promise<RoomRuntime[]> {
    const settled = await Promise.allSettled(this.live.values());
    return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  }

  private putInQuarantine(error: RoomBrokenError): Error {
    if (!this.quarantined.has(error.roomId)) {
      this.quarantined.set(error.roomId, error);
      this.live.delete(error.roomId);
      for (const listener of this.quarantineListeners) listener(error);
    }
    return error.refusal();
  }

  private async load(roomId: string): Promise<RoomRuntime> {
    if ((await this.store.headSeq(roomId)) === 0) throw notFound(`Salle « ${roomId} » introuvable.`);
    let runtime: RoomRuntime;
    try {
      runtime = await RoomRuntime.load(roomId, this.store, this.wallClock);
    } catch (error) {
      if (error instanceof RoomBrokenError) throw this.putInQuarantine(error);
      throw error;
    }
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
  const clock = { status: 'running' as const, speed: 1, anchorWall: wallTime, anchorExercise: 0 };
  return clockChanged.draft({ action: 'start', clock }, 'all');
}
