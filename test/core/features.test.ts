import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SharedFeature } from '../../shared/core/shared-feature.js';
import { commandSpecs, eventSpecs } from '../../shared/domain.js';
import { sharedFeatures } from '../../shared/features.js';
import { initialRoomState } from '../../shared/room-state.js';
import { serverFeatures } from '../../server/features.js';
import { clientFeatures } from '../../client/features.js';

/**
 * Issue 12, point 4: a feature is one folder in each tree with its `feature.ts`, and the registries are loops
 * over the feature lists — nothing of a feature is registered anywhere else.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const hasFeatureFile = (tree: string, id: string) => statSync(`${root}${tree}/${id}/feature.ts`, { throwIfNoEntry: false })?.isFile() ?? false;
const features: readonly SharedFeature[] = sharedFeatures;

describe('one feature, one folder', () => {
  it('every listed feature lives in the folder named by its id, with its feature.ts', () => {
    for (const f of features) expect(hasFeatureFile('shared', f.id), `shared/${f.id}/feature.ts`).toBe(true);
    for (const f of serverFeatures) expect(hasFeatureFile('server', f.id), `server/${f.id}/feature.ts`).toBe(true);
    for (const f of clientFeatures) expect(hasFeatureFile('client', f.id), `client/${f.id}/feature.ts`).toBe(true);
  });

  it('every feature.ts of a tree is in its list (none forgotten)', () => {
    const listed = { shared: features.map((f) => f.id), server: serverFeatures.map((f) => f.id), client: clientFeatures.map((f) => f.id) };
    for (const [tree, ids] of Object.entries(listed)) {
      const folders = readdirSync(`${root}${tree}`, { withFileTypes: true })
        .filter((d) => d.isDirectory() && hasFeatureFile(tree, d.name))
        .map((d) => d.name);
      expect(folders.sort(), tree).toEqual([...ids].sort());
    }
  });

  it('the registry is exactly the union of the features: each command and event belongs to one feature', () => {
    const commands = features.flatMap((f) => (f.commands ?? []).map((c) => c.type));
    const events = features.flatMap((f) => (f.events ?? []).map((e) => e.type));
    expect(new Set(commands).size).toBe(commands.length);
    expect(new Set(events).size).toBe(events.length);
    expect(commandSpecs.map((c) => c.type)).toEqual(commands);
    expect(eventSpecs.map((e) => e.type)).toEqual(events);
  });

  it('the initial room state is the features’ slices, each owned by one feature', () => {
    const slices = features.flatMap((f) => Object.keys(f.initialState?.('r') ?? {}));
    expect(new Set(slices).size).toBe(slices.length);
    expect(Object.keys(initialRoomState('r')).sort()).toEqual(['seq', ...slices].sort());
  });
});
