import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError, notFound } from '../../shared/core/errors.js';
import { parseScenarioText, scenarioFormatOf } from '../../shared/exercise/scenario-load.js';
import { issuesInline } from '../../shared/exercise/scenario-issues.js';
import { validateScenarioInRoomContext } from './scenario-validation.js';
import type { Scenario } from '../../shared/exercise/scenario.js';

/** The shipped scenarios folder (`scenarios/` at the top of the project). */
export const scenariosDir = fileURLToPath(new URL('../../scenarios', import.meta.url));

const extensions = ['.json', '.yaml', '.yml'];

/** Reads and validates `scenarios/<id>.(json|yaml|yml)`; a bad file is an `invalid` error listing every issue with its path. */
export function readScenario(id: string, dir = scenariosDir): Scenario {
  if (!/^[a-z0-9-]{1,80}$/.test(id)) throw new DomainError('invalid', `Identifiant de scénario invalide « ${id} ».`);
  const file = extensions.map((ext) => join(dir, `${id}${ext}`)).find((f) => existsSync(f));
  if (!file) throw notFound(`Scénario « ${id} » introuvable dans ${dir}.`);
  const format = scenarioFormatOf(file)!;
  const parsed = parseScenarioText(readFileSync(file, 'utf8'), format);
  const checked = parsed.ok ? validateScenarioInRoomContext(parsed.data) : parsed;
  if (!checked.ok) throw new DomainError('invalid', `Scénario « ${id} » invalide : ${issuesInline(checked.errors)}`);
  return checked.scenario;
}

/** Ids and titles of the valid scenarios shipped in `dir`. */
export function listScenarios(dir = scenariosDir): Array<{ id: string; title: string; level: string; stimuli: number }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => extensions.some((ext) => f.endsWith(ext)))
    .flatMap((f) => {
      try {
        const s = readScenario(f.replace(/\.(json|ya?ml)$/, ''), dir);
        return [{ id: s.id, title: s.title, level: s.level, stimuli: s.chronogramme.length }];
      } catch {
        return [];
      }
    });
}
