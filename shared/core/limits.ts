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
} as const;
