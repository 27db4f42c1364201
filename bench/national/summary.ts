import type { LatencySummary } from '../lib/stats.js';
import { median } from '../lib/stats.js';
import { mergeHistograms, summariseHistogram } from './histogram.js';
import type { NationalRun, TargetKind } from './measure.js';
import type { DeliveryCount, RoomResult } from './protocol.js';

/** The figures of one target (bare or ORSAN), every room pooled, and each room's own. */
export interface TargetSummary {
  target: TargetKind;
  participants: number;
  commands: Pooled;
  entries: Pooled;
  yjsReader: Pooled | null;
  rooms: Array<{ room: number; home: number; commands: LatencySummary; entries: LatencySummary; complete: boolean }>;
  roomsCommandP99: { median: number; max: number };
  outOfOrder: number;
  refusedCommands: number;
  serverCpuPercent: number[];
  servicesCpuPercent: number;
  rssMiB: { idle: number[]; rooms: number[]; connected: number[]; loaded: number[] };
  /**
   * KB (1,000 B) per participant. `loaded` (the target): (Σ RSS after the traffic − Σ RSS with the rooms and their
   * Yjs documents) / participants; `connected`: the same before any traffic; `allIn`: from the idle process, the
   * rooms' own cost included.
   */
  memoryPerParticipantKB: { connected: number; loaded: number; allIn: number };
  /** (Σ RSS with the rooms − Σ RSS idle) / rooms, MiB: a room, its sessions and its open Yjs documents. */
  memoryPerRoomMiB: number;
  load: { processes: number; cpuPercent: number[]; cpuTotal: number; rssMiB: number[]; connectMs: number[] };
}

interface Pooled {
  received: number;
  expected: number;
  latencyMs: LatencySummary;
}

function pool(counts: DeliveryCount[]): Pooled {
  return {
    received: counts.reduce((n, c) => n + c.received, 0),
    expected: counts.reduce((n, c) => n + c.expected, 0),
    latencyMs: summariseHistogram(mergeHistograms(counts.map((c) => c.histogram))),
  };
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const mib = (kib: number[]) => kib.map((k) => round1(k / 1024));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function summariseTarget(run: NationalRun): TargetSummary {
  const rooms: RoomResult[] = run.loads.flatMap((l) => l.rooms).sort((a, b) => a.room - b.room);
  const participants = sum(rooms.map((r) => r.receivers));
  const perParticipant = (kib: number[], from = run.rssKiB.rooms) => round1(((sum(kib) - sum(from)) * 1024) / 1000 / participants);
  const readers = rooms.flatMap((r) => (r.yjsReader ? [r.yjsReader] : []));
  const complete = (r: RoomResult) => r.commands.received === r.commands.expected && r.entries.received === r.entries.expected && r.outOfOrder === 0;
  const roomP99 = rooms.map((r) => r.commands.latencyMs.p99);
  return {
    target: run.target,
    participants,
    commands: pool(rooms.map((r) => r.commands)),
    entries: pool(rooms.map((r) => r.entries)),
    yjsReader: readers.length > 0 ? pool(readers) : null,
    rooms: rooms.map((r) => ({ room: r.room, home: r.home, commands: r.commands.latencyMs, entries: r.entries.latencyMs, complete: complete(r) })),
    roomsCommandP99: { median: Math.round(median(roomP99) * 100) / 100, max: Math.max(...roomP99) },
    outOfOrder: sum(rooms.map((r) => r.outOfOrder)),
    refusedCommands: sum(rooms.flatMap((r) => Object.values(r.refusedCommands))),
    serverCpuPercent: run.serverCpuPercent,
    servicesCpuPercent: run.servicesCpuPercent,
    rssMiB: { idle: mib(run.rssKiB.idle), rooms: mib(run.rssKiB.rooms), connected: mib(run.rssKiB.connected), loaded: mib(run.rssKiB.loaded) },
    memoryPerParticipantKB: {
      connected: perParticipant(run.rssKiB.connected),
      loaded: perParticipant(run.rssKiB.loaded),
      allIn: perParticipant(run.rssKiB.loaded, run.rssKiB.idle),
    },
    memoryPerRoomMiB: Math.round(((sum(run.rssKiB.rooms) - sum(run.rssKiB.idle)) / 1024 / rooms.length) * 100) / 100,
    load: {
      processes: run.loads.length,
      cpuPercent: run.loads.map((l) => l.clientCpuPercent),
      cpuTotal: round1(sum(run.loads.map((l) => l.clientCpuPercent))),
      rssMiB: run.loads.map((l) => l.clientRssMiB),
      connectMs: run.loads.map((l) => l.connectMs),
    },
  };
}

export interface Verdict {
  name: string;
  value: number;
  limit: number;
  pass: boolean;
}

/** The issue's targets: p99 ≤ 1.5 × the bare baseline's (commands, every room pooled), memory ≤ 50 KB per participant. */
export function verdicts(bare: TargetSummary, orsan: TargetSummary): Verdict[] {
  const ratio = Math.round((orsan.commands.latencyMs.p99 / bare.commands.latencyMs.p99) * 100) / 100;
  return [
    { name: 'p99 commande → diffusion, ORSAN / bare (≤ 1.5)', value: ratio, limit: 1.5, pass: ratio <= 1.5 },
    { name: 'mémoire par participant, Ko (≤ 50)', value: orsan.memoryPerParticipantKB.loaded, limit: 50, pass: orsan.memoryPerParticipantKB.loaded <= 50 },
    {
      name: 'toutes les diffusions reçues, dans l’ordre (ORSAN et bare)',
      value: orsan.commands.received + orsan.entries.received,
      limit: orsan.commands.expected + orsan.entries.expected,
      pass: [bare, orsan].every((s) => s.commands.received === s.commands.expected && s.entries.received === s.entries.expected && s.outOfOrder === 0),
    },
  ];
}

/** The console report: one line per target, the verdicts, and each room side by side. */
export function markdownSummary(bare: TargetSummary, orsan: TargetSummary, found: Verdict[]): string {
  const lat = (l: LatencySummary) => `${l.p50} / ${l.p95} / ${l.p99}`;
  const line = (s: TargetSummary) =>
    `| ${s.target} | ${lat(s.commands.latencyMs)} (${s.commands.received}/${s.commands.expected}) | ${lat(s.entries.latencyMs)} (${s.entries.received}/${s.entries.expected}) | ${s.roomsCommandP99.median} / ${s.roomsCommandP99.max} | ${s.serverCpuPercent.join(' + ')} % | ${s.rssMiB.idle.join('+')} → ${s.rssMiB.rooms.join('+')} → ${s.rssMiB.loaded.join('+')} Mio | ${s.memoryPerParticipantKB.loaded} Ko (${s.memoryPerRoomMiB} Mio / salle) | ${s.load.cpuPercent.join(' + ')} % |`;
  const rooms = orsan.rooms.map((o, i) => {
    const b = bare.rooms[i];
    return `| ${o.room + 1} | ${o.home === 0 ? 'A' : 'B'} | ${b ? `${b.commands.p50} / ${b.commands.p99}` : '—'} | ${o.commands.p50} / ${o.commands.p99} | ${o.entries.p50} / ${o.entries.p99} | ${o.complete && (b?.complete ?? false) ? 'oui' : '**non**'} |`;
  });
  const reader = orsan.yjsReader ? `\nLecteur Yjs sur l’autre instance (ORSAN) : p50 / p95 / p99 ${lat(orsan.yjsReader.latencyMs)} ms, ${orsan.yjsReader.received}/${orsan.yjsReader.expected}.` : '';
  const overloaded = [bare, orsan].some((s) => s.load.cpuTotal > 80) ? '\n⚠ processus de charge au-dessus de 80 % d’un cœur (somme) : les queues mesurent aussi le client.' : '';
  return [
    '| cible | commandes p50 / p95 / p99 ms (reçus) | entrées → événement p50 / p95 / p99 ms (reçus) | p99 des salles médiane / max | CPU serveur A + B | RSS repos → salles → chargé | mémoire / participant (par salle) | CPU charge |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    line(bare),
    line(orsan),
    reader,
    overloaded,
    '',
    ...found.map((v) => `${v.pass ? '✅' : '❌'} ${v.name} : ${v.value}${v.name.startsWith('toutes') ? ` / ${v.limit}` : ''}`),
    '',
    '| salle | domicile | bare p50 / p99 ms | ORSAN p50 / p99 ms | ORSAN entrées p50 / p99 ms | complet |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rooms,
  ].join('\n');
}
