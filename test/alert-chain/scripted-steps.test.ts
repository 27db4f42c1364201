import { describe, expect, it } from 'vitest';
import { systemActor } from '../../shared/core/roles.js';
import { alertChainMeasures } from '../../shared/alert-chain/measures.js';
import { overdueDrafts } from '../../shared/alert-chain/overdue.js';
import { findLink } from '../../shared/alert-chain/state.js';
import { linkPhase, summarizeAlertChain } from '../../shared/alert-chain/timing.js';
import { injectionDrafts } from '../../shared/exercise/scheduling.js';
import type { Stimulus } from '../../shared/exercise/scenario-stimulus.js';
import type { ChronogrammeItem } from '../../shared/exercise/stimuli-state.js';
import { suggestionsFrom } from '../../shared/retex/report.js';
import { append, ars, minutes, pureRoom, run, type PureRoom } from './harness.js';

/** S01 of the regional scenario: the hospital phones the ARS on-call officer — the chain's first ARS step. */
const stimulus = (id: string, chainSteps: Stimulus['chainSteps']): Stimulus => ({
  id,
  offset: '00:05',
  sender: 'ght-direction',
  recipients: ['ars'],
  channel: 'telephone',
  subject: 'Le CH signale une cyberattaque',
  content: 'Plus de messagerie, urgences en mode dégradé.',
  type: 'prevu',
  expectedActions: [],
  chainSteps,
});
const item = (s: Stimulus): ChronogrammeItem => ({ stimulus: s, status: 'scheduled', deferredTo: null, conditionMetAt: null, injectedAt: null, adHoc: false, inReplyTo: null });
const inject = (room: PureRoom, s: Stimulus) => append(room, injectionDrafts(room.state, item(s), { wallTime: 0, exerciseTime: room.exerciseTime }, null), systemActor);
const link = (room: PureRoom, id: string) => findLink(room.state.alertChain, id)!;
const tick = (room: PureRoom) => append(room, overdueDrafts(room.state, room.exerciseTime), systemActor);

describe('alert-chain steps played by the scenario', () => {
  it('records the step a stimulus declares when it is injected, marked with the stimulus', () => {
    const room = pureRoom();
    room.exerciseTime = minutes(5);
    inject(room, stimulus('S01', [{ link: 'etab-ars-astreinte', step: 'alert' }]));
    expect(link(room, 'etab-ars-astreinte')).toMatchObject({ status: 'alerte', alert: { exerciseTime: minutes(5), channel: 'telephone', scriptedBy: 'S01' } });
    room.exerciseTime = minutes(12);
    inject(room, stimulus('S04', [{ link: 'etab-ars-astreinte', step: 'acknowledge' }]));
    expect(link(room, 'etab-ars-astreinte')).toMatchObject({ status: 'accuse', acknowledgement: { scriptedBy: 'S04' } });
    const measure = alertChainMeasures(room.state.alertChain).links.find((l) => l.linkId === 'etab-ars-astreinte')!;
    expect(measure).toMatchObject({ scriptedBy: 'S01', alertedAt: minutes(5), playedByAnimation: true });
  });

  it('skips a step the chain cannot take: an unknown link, or an alert the players already gave', () => {
    const room = pureRoom();
    room.exerciseTime = minutes(10);
    run(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', message: 'Cyberattaque au CH' });
    const before = room.events.length;
    inject(
      room,
      stimulus('S02', [
        { link: 'ars-prefecture', step: 'alert' },
        { link: 'nope', step: 'alert' },
      ]),
    );
    expect(room.events.slice(before).map((e) => e.type)).toEqual(['stimulus.injected']);
    expect(link(room, 'ars-prefecture').alert?.by.name).toBe('Cadre ARS');
  });

  it('never counts a simulated → simulated link against the players: no overdue, not late, no finding', () => {
    const room = pureRoom();
    room.exerciseTime = minutes(24 * 60);
    const recorded = tick(room).map((e) => (e.payload as { linkId: string }).linkId);
    // CERT Santé → ANSSI and the hospital's own links are the animation's; ARS → Préfecture is the players'.
    expect(recorded).not.toContain('etab-cert-sante');
    expect(recorded).not.toContain('cert-sante-anssi');
    expect(recorded).toContain('ars-prefecture');
    expect(linkPhase(room.state.alertChain, link(room, 'etab-cert-sante'), room.exerciseTime)).toMatchObject({ late: false, byAnimation: true });
    const late = summarizeAlertChain(room.state.alertChain, room.exerciseTime).late;
    expect(late).toBe(
      room.state.alertChain.links.filter((l) => linkPhase(room.state.alertChain, l, room.exerciseTime).late && !linkPhase(room.state.alertChain, l, room.exerciseTime).byAnimation).length,
    );
    const findings = suggestionsFrom(alertChainMeasures(room.state.alertChain), [], [], null, room.exerciseTime);
    expect(findings.some((f) => f.includes('CERT Santé'))).toBe(false);
    expect(findings.some((f) => /Préfecture/.test(f))).toBe(true);
  });

  it('counts every link in a real crisis, where the simulated actors are real outside actors', () => {
    const room = pureRoom({ mode: 'crisis' });
    room.exerciseTime = minutes(24 * 60);
    const recorded = tick(room).map((e) => (e.payload as { linkId: string }).linkId);
    expect(recorded).toContain('etab-cert-sante');
    expect(linkPhase(room.state.alertChain, link(room, 'etab-cert-sante'), room.exerciseTime)).toMatchObject({ late: true, byAnimation: false });
  });
});

describe('a fact played by the scenario', () => {
  it('makes the fact known when the row is injected, once, and starts the links timed from it', () => {
    const room = pureRoom({ mode: 'crisis' });
    room.exerciseTime = minutes(40);
    inject(room, stimulus('S07', [{ fact: 'violation-donnees-personnelles' }]));
    expect(room.state.alertChain.knownFacts).toMatchObject([{ id: 'violation-donnees-personnelles', at: minutes(40), scriptedBy: 'S07' }]);
    expect(linkPhase(room.state.alertChain, link(room, 'etab-cnil'), 0).deadlineAt).toBe(minutes(40 + 72 * 60));
    room.exerciseTime = minutes(50);
    expect(inject(room, stimulus('S08', [{ fact: 'violation-donnees-personnelles' }])).some((e) => e.type === 'alertChain.factRecorded')).toBe(false);
  });
});
