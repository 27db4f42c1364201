import type { z } from 'zod';
import type { sharedFeatures } from './features.js';

/**
 * The commands of the registry as types: what a client may send, each type with its payload. Read from the
 * features' lists (`shared/features.ts`), so a new command is typed the moment its feature lists it.
 * @example send('stimulus.acknowledge', { id: 'S01' }) // a typo in the type or the payload does not compile
 */
type FeatureCommands<F> = F extends { commands: readonly (infer C)[] } ? C : never;
export type AnyCommand = FeatureCommands<(typeof sharedFeatures)[number]>;

/** Every command type: `'room.announce' | 'stimulus.acknowledge' | …`. */
export type CommandType = AnyCommand['type'];

/** What a client sends as the payload of `K` (the schema's input: defaults may be left out). */
export type PayloadOf<K extends CommandType> = z.input<Extract<AnyCommand, { type: K }>['payload']>;

/** Sends a command; resolves with the server's ack (never rejects: errors are in the ack). */
export type SendCommand<Ack> = <K extends CommandType>(type: K, payload: PayloadOf<K>) => Promise<Ack>;
