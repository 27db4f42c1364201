/** Limits both sides agree on; the server enforces them, the client uses them to refuse early. */
export const limits = {
  /** Largest serialised command a socket may send. */
  maxCommandBytes: 64 * 1024,
  /** socket.io transport ceiling: above maxCommandBytes so that an oversize command gets a typed error instead of a dropped connection. */
  maxSocketMessageBytes: 1024 * 1024,
  /** Largest REST JSON body. */
  maxRestBodyBytes: 256 * 1024,
  /** Largest room archive accepted for import. */
  maxArchiveBytes: 100 * 1024 * 1024,
  /** Deepest nesting of objects/arrays in a command or a REST body (archives included); real ones stay under 15. */
  maxJsonDepth: 64,
  /** Commands per session (all its sockets together, per instance): sustained rate and burst. */
  commandsPerSecond: 20,
  commandBurst: 40,
  /** A client further behind than this gets a snapshot instead of the missed events. */
  maxCatchUpEvents: 2000,
  maxNameLength: 80,
  maxTitleLength: 200,
  maxTextLength: 20_000,

  // Yjs documents (`/yjs`): beyond these limits the server closes the WebSocket with a code of `yjsCloseCodes`
  // (shared/main-courante/room-docs.ts). See docs/deployment.md, "Documents collaboratifs (Yjs)".
  /** A ticket (`POST /api/rooms/:roomId/yjs-tickets`) opens one Yjs WebSocket, within this delay. */
  yjsTicketTtlMs: 60_000,
  /** WebSocket transport ceiling: a larger frame is cut by the transport (1009) before it is read. */
  maxYjsMessageBytes: 32 * 1024 * 1024,
  /** Largest Yjs update (or sync step 2) a client may send: an offline batch, well above any edit. */
  maxYjsUpdateBytes: 4 * 1024 * 1024,
  /** Main-courante records (entries and flags) in one update: the offline batch of a long outage. */
  maxRecordsPerYjsUpdate: 200,
  /** Main-courante records per session and minute, sustained; the burst is `maxRecordsPerYjsUpdate`. */
  yjsRecordsPerMinute: 60,
  /** Yjs sync messages (updates, sync steps) per session: sustained rate per second, and burst. */
  yjsUpdatesPerSecond: 30,
  yjsUpdateBurst: 150,
  /** Awareness (presence, caret) messages per session: sustained rate per second, and burst. */
  yjsAwarenessPerSecond: 30,
  yjsAwarenessBurst: 150,
  /** One presence state as JSON (name, colour, cell, caret): a few hundred bytes in practice. */
  maxAwarenessStateBytes: 1024,
  /** Yjs WebSocket openings per session and minute (also the burst). */
  yjsHandshakesPerSessionPerMinute: 30,
  /** Yjs WebSocket openings per client address and minute (also the burst): a whole site behind one NAT. */
  yjsHandshakesPerAddressPerMinute: 600,
} as const;
