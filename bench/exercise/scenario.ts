import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue, loadScenario } from '../../shared/exercise/scenario-load.js';
import { formatOffset, parseOffset } from '../../shared/exercise/scenario-offset.js';
import type { Scenario } from '../../shared/exercise/scenario.js';
import { scenariosDir } from '../../server/exercise/scenario-files.js';

/** Id of the generated scenario, in the temporary SCENARIOS_DIR the bench server is started with. */
export const benchScenarioId = 'banc-injection';

/**
 * A chronogramme for the injection-timing bench: `count` stimuli to the ARS cell, 2 or 3 s apart (whole
 * seconds: offsets are written to the second), starting at `firstOffsetMs`. The rest of the scenario
 * (objectives, cells, actors, kit) is the shipped `demo-court`, so the file is one the room really accepts.
 */
export function benchScenario(count: number, firstOffsetMs = 4_000): Scenario {
  const base = JSON.parse(readFileSync(join(scenariosDir, 'demo-court.json'), 'utf8')) as Scenario;
  let offset = firstOffsetMs;
  const chronogramme = Array.from({ length: count }, (_, i) => {
    const stimulus = {
      id: `B${String(i + 1).padStart(2, '0')}`,
      offset: formatOffset(offset),
      phase: 'Banc',
      sender: 'clinique',
      recipients: ['ars'],
      channel: i % 2 === 0 ? 'telephone' : 'mail',
      subject: `Point ${i + 1} : situation de la clinique du Val d’Iton`,
      content:
        `« Point de situation n° ${i + 1}. Le réseau reste coupé, les urgences fonctionnent sur papier, ` +
        'trois patients ont été réorientés vers l’hôpital Pasteur. Nous attendons vos consignes pour la régulation. »',
      type: 'information',
      expectedActions: [],
    };
    // 2 s, 3 s, 2 s, 3 s…: not a multiple of any internal period, and ~2.5 s on average.
    offset += i % 2 === 0 ? 2_000 : 3_000;
    return stimulus;
  });
  const grid = base.kit.observerKit.grid.map((section) => ({
    ...section,
    criteria: section.criteria.map(({ expectedActionIds: _unused, ...criterion }) => criterion),
  }));
  const { finex: _finex, ...rest } = base;
  return { ...rest, id: benchScenarioId, title: 'Banc de mesure — ponctualité des injections', chronogramme, kit: { ...base.kit, observerKit: { ...base.kit.observerKit, grid } } } as Scenario;
}

/** Writes the scenario to `<dir>/<id>.json` after checking it as the server will; returns the due offsets (ms). */
export function writeBenchScenario(dir: string, count: number): { file: string; dueOffsetsMs: number[] } {
  const scenario = benchScenario(count);
  const text = JSON.stringify(scenario, null, 2);
  const checked = loadScenario(text, 'json');
  if (!checked.ok) throw new Error(`generated scenario is invalid: ${checked.errors.map(formatIssue).join('; ')}`);
  const file = join(dir, `${benchScenarioId}.json`);
  writeFileSync(file, text);
  return { file, dueOffsetsMs: scenario.chronogramme.map((s) => parseOffset(s.offset)) };
}
