import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { CommandSpec, EventSpec } from '../shared/core/define.js';
import { errorCodes, httpStatusOf, type ErrorCode } from '../shared/core/errors.js';
import { RoomEvent } from '../shared/core/events.js';
import { limits } from '../shared/core/limits.js';
import { Visibility } from '../shared/core/visibility.js';
import { commandSpecs, eventSpecs } from '../shared/domain.js';
import { CommandAck, CommandEnvelope, HandshakeAuth, serverMessages } from '../shared/protocol.js';

/** Where `npm run docs:protocol` writes; test/core/protocol-docs.test.ts checks the committed file matches. */
export const protocolDocsPath = fileURLToPath(new URL('../docs/protocol.md', import.meta.url));

/** What each error code means to a client. Typed by ErrorCode, so a new code cannot be left undocumented. */
const errorMeanings: Record<ErrorCode, string> = {
  invalid: 'Malformed envelope, unknown command type, payload that fails its schema, or a domain rule on values.',
  unauthorized: 'Missing, unknown, expired or revoked token (also the `connect_error` of a refused handshake).',
  forbidden: 'The role may not send this command (permission matrix), a cell rule refused it, or the path names another room.',
  not_found: 'The thing the command or route names does not exist in this room.',
  conflict: 'The command does not apply to the current state (e.g. pausing a clock that is not running).',
  expired: 'A link or token that was valid no longer is: the room ended, or the alert it acknowledges was cancelled (one-click acknowledgement pages).',
  rate_limited: `Over ${limits.commandsPerSecond} commands/s per session, all its sockets together (burst ${limits.commandBurst}), or over the REST request limit (per session, or per client address when anonymous).`,
  too_large: `Command over ${limits.maxCommandBytes} bytes serialised, or REST body over ${limits.maxRestBodyBytes} bytes.`,
  unavailable: 'The room is quarantined: an event of its log cannot be replayed. Every other room of the instance works; the operator examines the log (`npm run verify`, `/readyz`).',
  internal: 'A server fault; the command was not appended. Retrying with the same command id is safe.',
};

function jsonSchema(schema: z.ZodType): string {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return code(rest);
}

const code = (value: unknown) => ['```json', compactJson(value), '```'].join('\n');

/** Indented JSON where any part that fits on one line stays on one line; `int()`'s safe-integer bounds are left out as noise. */
function compactJson(value: unknown, indent = ''): string {
  const flat = JSON.stringify(value, (key, v) => (isSafeIntegerBound(key, v) ? undefined : v));
  if (flat.length + indent.length <= 100 || value === null || typeof value !== 'object') return flat;
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + compactJson(v, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value).filter(([k, v]) => v !== undefined && !isSafeIntegerBound(k, v));
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

const isSafeIntegerBound = (key: string, v: unknown) => (key === 'minimum' || key === 'maximum') && (v === Number.MAX_SAFE_INTEGER || v === Number.MIN_SAFE_INTEGER);
const anchor = (type: string) => type.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const roles = (spec: CommandSpec<unknown>) => spec.allowed.map((r) => `\`${r}\``).join(', ');

function commandSection(spec: CommandSpec<unknown>): string {
  return [
    `### \`${spec.type}\``,
    '',
    spec.description,
    '',
    `Allowed roles: ${roles(spec)}.`,
    '',
    'Payload:',
    '',
    jsonSchema(spec.payload),
    '',
    'Example:',
    '',
    code({ id: '3f1c9a0e-5b7d-4c2a-9e8f-1a2b3c4d5e6f', type: spec.type, payload: spec.example }),
  ].join('\n');
}

function eventSection(spec: EventSpec<unknown>): string {
  return [`### \`${spec.type}\``, '', spec.description, '', 'Payload:', '', jsonSchema(spec.payload)].join('\n');
}

function header(): string[] {
  return [
    '# ORSAN Room — real-time protocol',
    '',
    '> **Generated file — do not edit.** Written by `npm run docs:protocol` (`scripts/generate-protocol-docs.ts`) from the zod',
    '> schemas of `shared/protocol.ts` and the registry `shared/domain.ts`. After adding or changing a command or an event,',
    '> run `npm run docs:protocol` and commit the result: `test/core/protocol-docs.test.ts` fails while this file is out of date.',
    '',
    'The browser talks to the server over socket.io (websocket transport). Commands go up with an acknowledgement;',
    "events come down already filtered for the socket's audience (role and cell). The server is authoritative: an event",
    'is broadcast only after it is durably appended to the room log.',
    '',
  ];
}

function handshake(): string[] {
  return [
    '## Connecting',
    '',
    '```ts',
    "const socket = io(url, { auth: { token, lastSeq }, transports: ['websocket'] });",
    '```',
    '',
    '`token` is the session token returned by `POST /api/join {code, name}`; it binds the socket to one room, one role and,',
    'for players, one cell. `lastSeq` is the seq of the last event the client holds (0 or absent for none). Handshake `auth`:',
    '',
    jsonSchema(HandshakeAuth),
    '',
    'A refused handshake fails with `connect_error`, whose `data` is `{ code, message }` (`unauthorized` for a bad, expired',
    'or revoked token). An accepted one receives `welcome` first, then live `event`s:',
    '',
    `- if the client is at most ${limits.maxCatchUpEvents} events behind, \`welcome.catchUp\` is \`{ kind: "events" }\` with exactly the`,
    '  missed events it may see, in seq order, and no event can slip between the catch-up and the live stream;',
    `- if it is further behind (or claims a seq beyond the head), \`catchUp\` is \`{ kind: "snapshot" }\`: the room state as its`,
    '  audience sees it, and `headSeq`.',
    '',
  ];
}

function commands(): string[] {
  return [
    '## Sending a command',
    '',
    '```ts',
    "const ack = await socket.emitWithAck('command', { id: crypto.randomUUID(), type, payload });",
    '```',
    '',
    'Envelope:',
    '',
    jsonSchema(CommandEnvelope),
    '',
    'Acknowledgement: `{ ok: true, seq }` once the events are durable (`seq` of the last one; `duplicate: true` when this',
    'command id was already appended — resending after a lost ack never appends twice), or `{ ok: false, error }`.',
    'A command sent without an ack callback is ignored.',
    '',
    jsonSchema(CommandAck),
    '',
    `Limits: ${limits.maxCommandBytes} bytes per serialised command, ${limits.commandsPerSecond} commands/s per session (all its sockets together, per instance) with bursts of ${limits.commandBurst}.`,
    '',
  ];
}

function errors(): string[] {
  return [
    '## Error codes',
    '',
    'The same codes are used in acks (`error.code`), handshake refusals (`data.code`) and REST bodies',
    '(`{ error: { code, message } }` with the HTTP status below). Clients branch on the code; the message is for people.',
    '',
    '| Code | HTTP | Meaning |',
    '| --- | --- | --- |',
    ...errorCodes.map((c) => `| \`${c}\` | ${httpStatusOf[c]} | ${errorMeanings[c]} |`),
    '',
  ];
}

function serverToClient(): string[] {
  const out = ['## Server → client messages', ''];
  for (const [name, schema] of Object.entries(serverMessages)) out.push(`### \`${name}\``, '', jsonSchema(schema), '');
  out.push(
    '## Event envelope and visibility',
    '',
    'Every `event` (and every entry of a catch-up) is a log entry. `hash` is the sha256 of the canonical event including',
    '`prevHash`: the hash chain of the room. For an event whose visibility is not `all` it is an HMAC-SHA256 keyed with a',
    'per-room secret that only the room archive carries, so that no participant can recompute it (docs/retex.md).',
    '',
    jsonSchema(RoomEvent),
    '',
    '`visibility`: `all` (everyone), `staff` (director and evaluators), `director` (animation team only), or',
    '`{ cells: [...] }` (players of those cells, plus director, evaluators and observers).',
    '',
    jsonSchema(Visibility),
    '',
  );
  return out;
}

function registry(): string[] {
  const byType = <T extends { type: string }>(specs: readonly T[]) => [...specs].sort((a, b) => a.type.localeCompare(b.type));
  const cmds = byType(commandSpecs);
  const evts = byType(eventSpecs);
  return [
    `## Commands (${cmds.length})`,
    '',
    '| Command | Allowed roles | Description |',
    '| --- | --- | --- |',
    ...cmds.map((s) => `| [\`${s.type}\`](#${anchor(s.type)}) | ${roles(s)} | ${s.description.replace(/\|/g, '\\|')} |`),
    '',
    ...cmds.map((s) => `${commandSection(s)}\n`),
    `## Events (${evts.length})`,
    '',
    ...evts.map((s) => `${eventSection(s)}\n`),
  ];
}

/** The whole of docs/protocol.md, deterministic (sorted, no dates) so that the freshness test can compare texts. */
export function renderProtocolDocs(): string {
  return [...header(), ...handshake(), ...commands(), ...errors(), ...serverToClient(), ...registry()].join('\n').trimEnd() + '\n';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(protocolDocsPath, renderProtocolDocs());
  console.log(`Écrit ${protocolDocsPath} (${commandSpecs.length} commandes, ${eventSpecs.length} événements).`);
}
