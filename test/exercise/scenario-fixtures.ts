import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../../shared/exercise/scenario.js';

/** Helpers shared by the scenario tests: the shipped files and deep copies to break. */

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const scenariosDir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
export const shippedFile = `${scenariosDir}cyber-ght-samu-normandie.json`;

/** Every scenario file at the top of `scenarios/` (regions live in a sub-folder). */
export function shippedScenarioFiles(): string[] {
  return readdirSync(scenariosDir)
    .filter((name) => /\.(json|ya?ml)$/.test(name))
    .map((name) => `${scenariosDir}${name}`);
}

/** A fresh, mutable copy of the shipped regional scenario as raw JSON. */
export function shippedData(): Scenario {
  return JSON.parse(readFileSync(shippedFile, 'utf8')) as Scenario;
}

/** Index of a stimulus by id, so tests do not depend on the order of the chronogramme. */
export function stimulusIndex(scenario: Scenario, id: string): number {
  const index = scenario.chronogramme.findIndex((stimulus) => stimulus.id === id);
  if (index < 0) throw new Error(`stimulus ${id} absent du scénario livré`);
  return index;
}
