import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, type RoomEvent } from '../../shared/core/events.js';
import { systemActor } from '../../shared/core/roles.js';
import { canonicalJson } from '../../server/store/canonical-json.js';
import { hashEvent, verifyChain } from '../../server/store/hash-chain.js';

/** A correctly chained log of `count` events, built the way the store builds it. */
function chain(count: number): RoomEvent[] {
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
    const event = { ...unhashed, hash: hashEvent(unhashed) };
    events.push(event);
    prevHash = event.hash;
  }
  return events;
}

const copy = (events: RoomEvent[]): RoomEvent[] => structuredClone(events);

describe('hash chain', () => {
  it('accepts an intact chain, and an empty one', () => {
    expect(verifyChain(chain(10))).toBeNull();
    expect(verifyChain([])).toBeNull();
  });

  it('hashes the canonical form: key order does not matter, every covered field does', () => {
    const [event] = chain(1);
    const reordered = JSON.parse(canonicalJson(event)) as RoomEvent;
    expect(hashEvent(reordered)).toBe(event!.hash);
    expect(hashEvent({ ...event!, exerciseTime: event!.exerciseTime + 1 })).not.toBe(event!.hash);
    expect(hashEvent({ ...event!, visibility: 'all', seq: 1 })).not.toBe(hashEvent({ ...event!, visibility: 'staff' }));
  });

  it('covers every own key, __proto__ and the other names of Object.prototype included', () => {
    const [event] = chain(1);
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      // As JSON.parse reads an archive or a stored row: `__proto__` is an own key there, and the store writes it back.
      const added = JSON.parse(JSON.stringify(event).replace('"payload":{', `"payload":{"${name}":{"injecté":true},`)) as RoomEvent;
      expect(Object.keys(added.payload as object)).toContain(name);
      expect(canonicalJson(added.payload)).toContain(`"${name}":{"injecté":true}`);
      expect(hashEvent(added)).not.toBe(event!.hash);
      expect(verifyChain([added])).toEqual({ kind: 'hash', index: 0, seq: 1 });
    }
  });

  it('finds one altered byte of a payload, at its position', () => {
    const events = copy(chain(10));
    const payload = events[6]!.payload as { text: string };
    payload.text = payload.text.replace('n°7', 'n°8');
    expect(verifyChain(events)).toEqual({ kind: 'hash', index: 6, seq: 7 });
  });

  it('finds an altered visibility or actor (a secret made public, a forged author)', () => {
    const leaked = copy(chain(10));
    leaked[2]!.visibility = 'all';
    expect(verifyChain(leaked)).toEqual({ kind: 'hash', index: 2, seq: 3 });
    const forged = copy(chain(10));
    forged[4]!.actor = { kind: 'participant', name: 'Quelqu’un d’autre', role: 'director' };
    expect(verifyChain(forged)).toEqual({ kind: 'hash', index: 4, seq: 5 });
  });

  it('finds an altered event whose own hash was recomputed: the next link breaks', () => {
    const events = copy(chain(10));
    events[3]!.payload = { text: 'réécrit' };
    events[3]!.hash = hashEvent(events[3]!);
    expect(verifyChain(events)).toEqual({ kind: 'link', index: 4, seq: 5 });
  });

  it('finds a deleted event', () => {
    const events = chain(10);
    expect(verifyChain([...events.slice(0, 4), ...events.slice(5)])).toEqual({ kind: 'sequence', index: 4, expectedSeq: 5, foundSeq: 6 });
    expect(verifyChain(events.slice(1))).toEqual({ kind: 'sequence', index: 0, expectedSeq: 1, foundSeq: 2 });
  });

  it('finds reordered events', () => {
    const events = chain(10);
    const swapped = [...events];
    [swapped[7], swapped[8]] = [swapped[8]!, swapped[7]!];
    expect(verifyChain(swapped)).toEqual({ kind: 'sequence', index: 7, expectedSeq: 8, foundSeq: 9 });
  });

  it('finds reordered events renumbered to hide it', () => {
    const events = copy(chain(10));
    [events[7], events[8]] = [events[8]!, events[7]!];
    events[7]!.seq = 8;
    events[8]!.seq = 9;
    expect(verifyChain(events)).toEqual({ kind: 'link', index: 7, seq: 8 });
  });

  it('finds a chain that does not start from the genesis hash (a truncated head)', () => {
    const events = copy(chain(3));
    events[0]!.prevHash = 'f'.repeat(64);
    events[0]!.hash = hashEvent(events[0]!);
    expect(verifyChain(events)).toEqual({ kind: 'link', index: 0, seq: 1 });
  });
});
