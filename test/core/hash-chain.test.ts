import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, type RoomEvent } from '../../shared/core/events.js';
import { systemActor } from '../../shared/core/roles.js';
import { canonicalJson } from '../../server/store/canonical-json.js';
import { hashEvent, newChainSalt, verifyChain, type ChainSalt } from '../../server/store/hash-chain.js';

/** A correctly chained log of `count` events, built the way the store builds it (with the room's salt, if any). */
function chain(count: number, salt: ChainSalt | null = null): RoomEvent[] {
  const events: RoomEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const unhashed = {
      roomId: 'salle-caen',
      seq,
      type: 'room.announced',
      wallTime: 1_700_000_000_000 + seq,
      exerciseTime: seq * 1000,
      actor: systemActor,
      visibility: seq % 3 === 0 ? ('director' as const) : ('all' as const),
      payload: { text: `Point de situation n°${seq}`, nested: { b: seq, a: [1, 2] } },
      commandId: seq % 2 === 0 ? `cmd-${seq}` : null,
      prevHash,
    };
    const event = { ...unhashed, hash: hashEvent(unhashed, salt) };
    events.push(event);
    prevHash = event.hash;
  }
  return events;
}

const copy = (events: RoomEvent[]): RoomEvent[] => structuredClone(events);

describe('hash chain', () => {
  it('accepts an intact chain, and an empty one', () => {
    expect(verifyChain(chain(10), null)).toBeNull();
    expect(verifyChain([], null)).toBeNull();
  });

  it('hashes the canonical form: key order does not matter, every covered field does', () => {
    const [event] = chain(1);
    const reordered = JSON.parse(canonicalJson(event)) as RoomEvent;
    expect(hashEvent(reordered, null)).toBe(event!.hash);
    expect(hashEvent({ ...event!, exerciseTime: event!.exerciseTime + 1 }, null)).not.toBe(event!.hash);
    expect(hashEvent({ ...event!, visibility: 'all', seq: 1 }, null)).not.toBe(hashEvent({ ...event!, visibility: 'staff' }, null));
  });

  it('covers every own key, __proto__ and the other names of Object.prototype included', () => {
    const [event] = chain(1);
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      // As JSON.parse reads an archive or a stored row: `__proto__` is an own key there, and the store writes it back.
      const added = JSON.parse(JSON.stringify(event).replace('"payload":{', `"payload":{"${name}":{"injecté":true},`)) as RoomEvent;
      expect(Object.keys(added.payload as object)).toContain(name);
      expect(canonicalJson(added.payload)).toContain(`"${name}":{"injecté":true}`);
      expect(hashEvent(added, null)).not.toBe(event!.hash);
      expect(verifyChain([added], null)).toEqual({ kind: 'hash', index: 0, seq: 1 });
    }
  });

  it('finds one altered byte of a payload, at its position', () => {
    const events = copy(chain(10));
    const payload = events[6]!.payload as { text: string };
    payload.text = payload.text.replace('n°7', 'n°8');
    expect(verifyChain(events, null)).toEqual({ kind: 'hash', index: 6, seq: 7 });
  });

  it('finds an altered visibility or actor (a secret made public, a forged author)', () => {
    const leaked = copy(chain(10));
    leaked[2]!.visibility = 'all';
    expect(verifyChain(leaked, null)).toEqual({ kind: 'hash', index: 2, seq: 3 });
    const forged = copy(chain(10));
    forged[4]!.actor = { kind: 'participant', name: 'Quelqu’un d’autre', role: 'director' };
    expect(verifyChain(forged, null)).toEqual({ kind: 'hash', index: 4, seq: 5 });
  });

  it('finds an altered event whose own hash was recomputed: the next link breaks', () => {
    const events = copy(chain(10));
    events[3]!.payload = { text: 'réécrit' };
    events[3]!.hash = hashEvent(events[3]!, null);
    expect(verifyChain(events, null)).toEqual({ kind: 'link', index: 4, seq: 5 });
  });

  it('finds a deleted event', () => {
    const events = chain(10);
    expect(verifyChain([...events.slice(0, 4), ...events.slice(5)], null)).toEqual({ kind: 'sequence', index: 4, expectedSeq: 5, foundSeq: 6 });
    expect(verifyChain(events.slice(1), null)).toEqual({ kind: 'sequence', index: 0, expectedSeq: 1, foundSeq: 2 });
  });

  it('finds reordered events', () => {
    const events = chain(10);
    const swapped = [...events];
    [swapped[7], swapped[8]] = [swapped[8]!, swapped[7]!];
    expect(verifyChain(swapped, null)).toEqual({ kind: 'sequence', index: 7, expectedSeq: 8, foundSeq: 9 });
  });

  it('finds reordered events renumbered to hide it', () => {
    const events = copy(chain(10));
    [events[7], events[8]] = [events[8]!, events[7]!];
    events[7]!.seq = 8;
    events[8]!.seq = 9;
    expect(verifyChain(events, null)).toEqual({ kind: 'link', index: 7, seq: 8 });
  });

  it('finds a chain that does not start from the genesis hash (a truncated head)', () => {
    const events = copy(chain(3));
    events[0]!.prevHash = 'f'.repeat(64);
    events[0]!.hash = hashEvent(events[0]!, null);
    expect(verifyChain(events, null)).toEqual({ kind: 'link', index: 0, seq: 1 });
  });
});

describe('hash chain: hidden events keyed with the room salt (the prevHash oracle)', () => {
  const salt = newChainSalt(1);
  /** A public event, a hidden `stimulus.cancelled`, a public event: a player sees the first and the last. */
  function cancelledBetween(roomSalt: ChainSalt | null): RoomEvent[] {
    let prevHash = GENESIS_HASH;
    const drafts = [
      { type: 'room.announced', visibility: 'all' as const, payload: { text: 'Début' } },
      { type: 'stimulus.cancelled', visibility: 'director' as const, payload: { id: 'S06' } },
      { type: 'room.announced', visibility: 'all' as const, payload: { text: 'Suite' } },
    ];
    return drafts.map((d, i) => {
      const unhashed = { roomId: 'salle-caen', seq: i + 1, ...d, wallTime: 1_700_000_000_000, exerciseTime: 60_000, actor: systemActor, commandId: null, prevHash };
      prevHash = hashEvent(unhashed, roomSalt);
      return { ...unhashed, hash: prevHash };
    });
  }
  /** What the player tries: every stimulus id, all else known from the events around it. */
  function guess(seen: RoomEvent[]): string | null {
    const [before, after] = [seen[0]!, seen[2]!];
    for (let n = 1; n <= 99; n++) {
      const id = `S${String(n).padStart(2, '0')}`;
      const candidate = { ...before, seq: 2, type: 'stimulus.cancelled', visibility: 'director' as const, payload: { id }, prevHash: before.hash };
      if (hashEvent(candidate, null) === after.prevHash) return id;
    }
    return null;
  }

  it('without a salt the hidden event is found from the prevHash a player sees; with one it is not', () => {
    expect(guess(cancelledBetween(null))).toBe('S06');
    expect(guess(cancelledBetween(salt))).toBeNull();
  });

  it('verifies with the room salt; without it, or with another, the first hidden event breaks', () => {
    const events = chain(10, salt);
    expect(verifyChain(events, salt)).toBeNull();
    expect(verifyChain(events, null)).toEqual({ kind: 'hash', index: 2, seq: 3 });
    expect(verifyChain(events, newChainSalt(1))).toEqual({ kind: 'hash', index: 2, seq: 3 });
    // Public events keep a plain sha256 that anyone who sees them can recompute.
    expect(events.filter((e) => e.visibility === 'all').every((e) => hashEvent(e, null) === e.hash)).toBe(true);
  });

  it('salts only from its first seq: a room created before salts verifies whole', () => {
    const late = { ...salt, fromSeq: 5 };
    const events = chain(10, late);
    expect(verifyChain(events, late)).toBeNull();
    expect(hashEvent(events[2]!, null)).toBe(events[2]!.hash);
    expect(hashEvent(events[5]!, null)).not.toBe(events[5]!.hash);
  });

  it('hashes an unsalted event exactly as before salts existed: older logs still verify', () => {
    const event = {
      roomId: 'salle-caen',
      seq: 7,
      type: 'stimulus.cancelled',
      wallTime: 1_700_000_000_007,
      exerciseTime: 420_000,
      actor: systemActor,
      visibility: { cells: ['ars', 'samu'] },
      payload: { id: 'S06', '10': 'dix', '9': 'neuf', b: [1, 'é', null, { z: true, a: 2.5 }], a: 'x' },
      commandId: 'cmd-7',
      prevHash: 'ab'.repeat(32),
    };
    // Computed with the code before salts (commit a3f1bb6).
    expect(hashEvent(event, null)).toBe('60aa0ccf6843499cbb854e2f7e3e5f1da53cd5fb57004fa8235d1d9977f53ddd');
  });
});
