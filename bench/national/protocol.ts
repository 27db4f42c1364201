import type { LatencySummary } from '../lib/stats.js';
import type { Histogram } from './histogram.js';

/**
 * What the national suite tells each load process (`BENCH_LOAD`, JSON) and what it prints back (`RESULT <json>`).
 * A load process drives whole regions (rooms): each room's sender, receivers and writer live in one process, so
 * that every latency is measured on one clock.
 */
export interface NationalLoadConfig {
  target: 'orsan' | 'bare';
  /** The two instances; room r's home (sender, writer, REST) is `urls[r % 2]`, its receiver i is on `urls[i % 2]`. */
  urls: string[];
  operatorToken: string;
  /** Indices of the rooms this process drives (out of `totalRooms`). */
  rooms: number[];
  totalRooms: number;
  /** Receiving participants per room (sockets); the sender and the Yjs clients come on top. */
  perRoom: number;
  /** ORSAN sessions the receivers of a room share (REST joins are rate-limited): players of both cells, observers, evaluators. */
  sessionsPerRoom: number;
  commandsPerSecond: number;
  entriesPerSecond: number;
  warmupSeconds: number;
  recordSeconds: number;
  payloadBytes: number;
  entryBytes: number;
  maxHandshakesInFlight: number;
  /** Pause after each room's wave of sockets. */
  wavePauseMs: number;
  drainTimeoutMs: number;
  /** Prefix of the bare baseline's room names (unique per run). */
  runId: string;
}

export interface DeliveryCount {
  received: number;
  expected: number;
  latencyMs: LatencySummary;
  histogram: Histogram;
}

export interface RoomResult {
  room: number;
  /** 0 or 1: the instance the room's sender and writer use. */
  home: number;
  receivers: number;
  /** Command sent → its event on each receiver. */
  commands: DeliveryCount;
  /** Main-courante entry written → the event it becomes (`commandId` `mc:<id>`) on each receiver. */
  entries: DeliveryCount;
  /** ORSAN only: entry written on the home instance → in the Yjs document of a reader on the other instance. */
  yjsReader: DeliveryCount | null;
  ackMs: LatencySummary;
  refusedCommands: Record<string, number>;
  /** Events seen twice or out of seq order on one socket: must be 0. */
  outOfOrder: number;
}

export interface LoadResult {
  pid: number;
  rooms: RoomResult[];
  sockets: number;
  connectMs: number;
  /** CPU of this load process over the recorded window, percent of one core. */
  clientCpuPercent: number;
  clientRssMiB: number;
}
