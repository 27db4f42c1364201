import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../shared/exercise/scenario-load.js';
import { actionCreated } from '../../shared/decisions/events.js';
import { decisionsSetup } from '../../server/decisions/setup.js';
import type { RoomSetupContext } from '../../server/rooms/room-setup.js';

const base = JSON.parse(readFileSync(join(import.meta.dirname, '../../scenarios/demo-court.json'), 'utf8')) as Record<string, unknown>;
// Due before the demo's FINEX (00:20): an action due later is refused by scenario:check.
const expectedActions = [{ id: 'cellule-regionale', title: 'Activer la cellule régionale', ownerCell: 'ars', dueMinutes: 15, priority: 'haute' }];

function contextFor(data: unknown): RoomSetupContext {
  const scenario = parseScenario(data);
  return { roomId: 'r1', request: { mode: 'exercise', title: 't' }, cells: scenario.cells, scenario, scenariosDir: 'scenarios' };
}

describe('expected actions of a scenario', () => {
  it('are put on the board at room creation, due on the exercise clock, with the scenario as source', async () => {
    const drafts = await decisionsSetup(contextFor({ ...base, expectedActions }));
    expect(drafts.filter(actionCreated.is).map((d) => d.payload)).toEqual([
      {
        id: 'A1',
        title: 'Activer la cellule régionale',
        details: '',
        ownerCell: 'ars',
        ownerName: null,
        due: { clock: 'exercise', at: 15 * 60_000 },
        priority: 'haute',
        source: { kind: 'scenario', id: 'cellule-regionale' },
      },
    ]);
    expect(await decisionsSetup(contextFor(base))).toEqual([]);
  });

  it('refuses an expected action for a cell the scenario does not play', () => {
    expect(() => decisionsSetup(contextFor({ ...base, expectedActions: [{ ...expectedActions[0], ownerCell: 'samu' }] }))).toThrow(/cellule « samu »/);
  });
});
