/**
 * First keys of the two-key advisory locks ORSAN Room takes (`pg_advisory_lock(class, key)`), so that they
 * never collide with another application's locks on the same database. The second key is
 * `hashtext(<room id or schema>)`: two rooms sharing a hash only wait for each other, never corrupt anything.
 */
export const advisoryClass = {
  /** Held by the instance that runs the migrations of a schema. */
  migration: 0x4f520001,
  /** Held during an append, per room: the per-room sequence is assigned by one transaction at a time. */
  room: 0x4f520002,
  /** Held while a document's updates are compacted, per room and document. */
  doc: 0x4f520004,
  /** Held for as long as an instance drives the exercise clocks and timers of a schema (the leader). */
  leader: 0x4f520003,
} as const;
