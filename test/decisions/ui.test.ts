import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decisionsMessages } from '../../client/decisions/messages.js';
import { dueFromInput, isMine, matches, noFilter, sortActions } from '../../client/decisions/view-model.js';
import { systemActor } from '../../shared/core/roles.js';
import { overdueActionDrafts } from '../../shared/decisions/overdue.js';
import { append, ars, minutes, prefecture, pureRoom, run } from '../alert-chain/harness.js';

const dir = join(import.meta.dirname, '../../client/decisions');
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.tsx'))
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n');

describe('decisions board screens', () => {
  it('has the same keys in French and English, and every literal key the screens use', () => {
    expect(Object.keys(decisionsMessages.en).sort()).toEqual(Object.keys(decisionsMessages.fr).sort());
    const used = [...sources.matchAll(/\bt\('((?:decisions|section)\.[A-Za-z0-9_.]+)'/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(30);
    expect(used.filter((key) => !(key in decisionsMessages.fr))).toEqual([]);
  });

  it('shows overdue actions first, then open ones by due time, then closed ones; « mes actions » by cell or name', () => {
    const room = pureRoom();
    run(room, ars, 'decision.record', {
      title: 'Plan blanc',
      rationale: 'r',
      actions: [
        { title: 'Sans échéance', ownerCell: 'ars' },
        { title: 'Tard', ownerCell: 'prefecture', dueAt: minutes(50), ownerName: 'Cadre ARS' },
        { title: 'Tôt', ownerCell: 'ars', dueAt: minutes(10) },
        { title: 'Finie', ownerCell: 'ars', dueAt: minutes(5) },
      ],
    });
    run(room, ars, 'action.setStatus', { id: 'A4', status: 'faite' });
    room.exerciseTime = minutes(20);
    append(room, overdueActionDrafts(room.state, { exerciseTime: room.exerciseTime, wallTime: 0 }), systemActor);
    const actions = room.state.decisions.actions;
    expect(sortActions(actions).map((a) => a.id)).toEqual(['A3', 'A2', 'A1', 'A4']);
    expect(actions.filter((a) => isMine(a, { name: 'Cadre ARS', cell: 'ars' })).map((a) => a.id)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(actions.filter((a) => isMine(a, prefecture)).map((a) => a.id)).toEqual(['A2']);
    expect(actions.filter((a) => matches(a, { ...noFilter, overdueOnly: true })).map((a) => a.id)).toEqual(['A3']);
    expect(actions.filter((a) => matches(a, { ...noFilter, status: 'open', cell: 'ars' })).map((a) => a.id)).toEqual(['A1', 'A3']);
  });

  it('reads a due time as minutes after T0 in an exercise, a time of day in a crisis', () => {
    expect(dueFromInput('exercise', '90')).toBe(minutes(90));
    expect(dueFromInput('exercise', '')).toBeNull();
    expect(dueFromInput('exercise', 'midi')).toBe('invalid');
    const today = new Date(2025, 2, 14, 9, 0).getTime();
    expect(dueFromInput('crisis', '14:30', today)).toBe(new Date(2025, 2, 14, 14, 30).getTime());
    expect(dueFromInput('crisis', '14h', today)).toBe('invalid');
  });
});
