import { describe, expect, it } from 'vitest';
import { systemActor } from '../../shared/core/roles.js';
import { overdueDrafts } from '../../shared/alert-chain/overdue.js';
import { findLink } from '../../shared/alert-chain/state.js';
import { acknowledgementGraceMinutes, alertDeadlineAt, dueOverdue, linkPhase, nextOverdueAt, summarizeAlertChain, triggerOf } from '../../shared/alert-chain/timing.js';
import { alertChainMeasures } from '../../shared/alert-chain/measures.js';
import type { AlertChainTemplate } from '../../shared/alert-chain/template.js';
import { append, ars, director, minutes, prefecture, pureRoom, run, type PureRoom } from './harness.js';

/** Three actors: a simulated origin, the ARS cell, the Préfecture cell (whose backup is the COD). */
const small: AlertChainTemplate = {
  actors: [
    { id: 'etablissement', label: 'Établissement', kind: 'simulated' },
    { id: 'ars', label: 'ARS', kind: 'played', cell: 'ars' },
    { id: 'prefecture', label: 'Préfecture', kind: 'played', cell: 'prefecture', backup: 'cod' },
    { id: 'cod', label: 'COD', kind: 'simulated' },
  ],
  links: [
    { id: 'etab-ars', from: 'etablissement', to: 'ars', channel: 'telephone', deadlineMinutes: 30, trigger: 'T0' },
    { id: 'ars-prefecture', from: 'ars', to: 'prefecture', channel: 'telephone', deadlineMinutes: 60, trigger: 'upstream' },
  ],
};
const message = 'Alerte cyber';
const link = (room: PureRoom, id: string) => findLink(room.state.alertChain, id)!;

/** What the server timer does at the room's current exercise time. */
const tick = (room: PureRoom) => append(room, overdueDrafts(room.state, room.exerciseTime), systemActor);

describe('deadlines on exercise time', () => {
  it('counts T0 links from detection and upstream links from the upstream alert', () => {
    const room = pureRoom({ template: small });
    expect(alertDeadlineAt(room.state.alertChain, link(room, 'etab-ars'))).toBe(minutes(30));
    room.exerciseTime = minutes(10);
    run(room, director, 'alertChain.alert', { linkId: 'etab-ars', message });
    expect(alertDeadlineAt(room.state.alertChain, link(room, 'ars-prefecture'))).toBe(minutes(70));
    expect(triggerOf(room.state.alertChain, link(room, 'ars-prefecture')).source).toBe('upstream');
  });

  it('times a key link from the upstream deadline when the upstream alert is never recorded, and says so', () => {
    const room = pureRoom({ template: small });
    // T0 + the upstream's own 30 min, then this link's 60 min: the ARS → Préfecture link never vanishes.
    expect(alertDeadlineAt(room.state.alertChain, link(room, 'ars-prefecture'))).toBe(minutes(90));
    expect(triggerOf(room.state.alertChain, link(room, 'ars-prefecture'))).toEqual({ at: minutes(30), source: 'upstreamDeadline' });
    expect(linkPhase(room.state.alertChain, link(room, 'ars-prefecture'), minutes(91))).toMatchObject({ late: true, upstreamMissing: true });
    room.exerciseTime = minutes(91);
    expect(tick(room).map((e) => e.payload)).toContainEqual({ linkId: 'ars-prefecture', kind: 'alert', deadlineExerciseTime: minutes(90) });
    const measure = alertChainMeasures(room.state.alertChain).links.find((l) => l.linkId === 'ars-prefecture')!;
    expect(measure).toMatchObject({ late: true, deadlineAt: minutes(90), triggerSource: 'upstreamDeadline' });
  });

  it('gives no deadline to a link in a loop nobody started', () => {
    const loop: AlertChainTemplate = {
      actors: [
        { id: 'a', label: 'A', kind: 'simulated' },
        { id: 'b', label: 'B', kind: 'simulated' },
      ],
      links: [
        { id: 'a-b', from: 'a', to: 'b', channel: 'telephone', deadlineMinutes: 10, trigger: 'upstream' },
        { id: 'b-a', from: 'b', to: 'a', channel: 'telephone', deadlineMinutes: 10, trigger: 'upstream' },
      ],
    };
    const room = pureRoom({ template: loop });
    expect(alertDeadlineAt(room.state.alertChain, link(room, 'a-b'))).toBeNull();
  });

  it('is due one millisecond after the deadline, not at it', () => {
    const room = pureRoom({ template: small });
    expect(nextOverdueAt(room.state.alertChain)).toBe(minutes(30) + 1);
    expect(dueOverdue(room.state.alertChain, minutes(30))).toEqual([]);
    expect(dueOverdue(room.state.alertChain, minutes(30) + 1)).toEqual([{ linkId: 'etab-ars', kind: 'alert', deadlineExerciseTime: minutes(30) }]);
  });
});

describe('overdue', () => {
  it('records an overdue alert once, however often the check runs', () => {
    const room = pureRoom({ template: small });
    room.exerciseTime = minutes(31);
    expect(tick(room).map((e) => e.payload)).toEqual([{ linkId: 'etab-ars', kind: 'alert', deadlineExerciseTime: minutes(30) }]);
    expect(tick(room)).toEqual([]);
    room.exerciseTime = minutes(90);
    expect(tick(room)).toEqual([]);
    expect(link(room, 'etab-ars').overdue).toEqual({ alert: minutes(30), acknowledge: null });
    expect(linkPhase(room.state.alertChain, link(room, 'etab-ars'), minutes(90))).toMatchObject({ status: 'a_alerter', late: true });
  });

  it('records nothing for a link alerted in time', () => {
    const room = pureRoom({ template: small });
    room.exerciseTime = minutes(29);
    run(room, director, 'alertChain.alert', { linkId: 'etab-ars', message });
    run(room, ars, 'alertChain.acknowledge', { linkId: 'etab-ars' });
    room.exerciseTime = minutes(45);
    expect(tick(room)).toEqual([]);
    expect(linkPhase(room.state.alertChain, link(room, 'etab-ars'), minutes(45)).late).toBe(false);
  });

  it('escalates a missed acknowledgement to the receiver’s backup, with a new link to alert', () => {
    const room = pureRoom({ template: small });
    run(room, director, 'alertChain.alert', { linkId: 'etab-ars', message });
    run(room, ars, 'alertChain.acknowledge', { linkId: 'etab-ars' });
    room.exerciseTime = minutes(5);
    run(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', message });
    room.exerciseTime = minutes(5 + acknowledgementGraceMinutes) + 1;
    const events = tick(room);
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ['alertChain.overdue', { linkId: 'ars-prefecture', kind: 'acknowledge', deadlineExerciseTime: minutes(20) }],
      ['alertChain.escalated', { linkId: 'ars-prefecture', backup: 'cod', newLinkId: 'ars-prefecture-secours' }],
    ]);
    const escalation = link(room, 'ars-prefecture-secours');
    expect(escalation).toMatchObject({ from: 'ars', to: 'cod', status: 'a_alerter', escalatedFrom: 'ars-prefecture', triggerAt: room.exerciseTime });
    expect(link(room, 'ars-prefecture').escalatedTo).toBe('ars-prefecture-secours');
    expect(alertDeadlineAt(room.state.alertChain, escalation)).toBe(room.exerciseTime + minutes(acknowledgementGraceMinutes));
    expect(tick(room)).toEqual([]);
  });

  it('does not escalate when the receiver has no backup', () => {
    const room = pureRoom({ template: small });
    run(room, director, 'alertChain.alert', { linkId: 'etab-ars', message });
    room.exerciseTime = minutes(16);
    expect(tick(room).map((e) => e.type)).toEqual(['alertChain.overdue']);
  });

  it('keeps a late acknowledgement late after it is given', () => {
    const room = pureRoom({ template: small });
    run(room, director, 'alertChain.alert', { linkId: 'etab-ars', message });
    room.exerciseTime = minutes(40);
    tick(room);
    run(room, ars, 'alertChain.acknowledge', { linkId: 'etab-ars' });
    expect(link(room, 'etab-ars').overdue.acknowledge).toBe(minutes(15));
    expect(nextOverdueAt(room.state.alertChain)).toBe(minutes(60) + 1);
  });
});

describe('one definition of a delay', () => {
  it('counts a link from when its sender knew: an alert the sender gave before its own was recorded', () => {
    const room = pureRoom();
    room.exerciseTime = minutes(15);
    run(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', message });
    // The on-call officer's alert to the ARS cell is typed in later, at T+51: the Préfecture's deadline still counts
    // from T+15, when the ARS visibly knew, not from T+51 (which gave « attendu à T+01:51 » for an alert at T+00:15).
    room.exerciseTime = minutes(51);
    run(room, director, 'alertChain.alert', { linkId: 'astreinte-ars', message });
    expect(alertDeadlineAt(room.state.alertChain, link(room, 'ars-prefecture'))).toBe(minutes(15 + 60));
    expect(alertChainMeasures(room.state.alertChain).links.find((l) => l.linkId === 'ars-prefecture')).toMatchObject({ deadlineAt: minutes(75), late: false });
  });
});

describe('summary', () => {
  it('counts actors alerted and links late: "x/y acteurs alertés, n en retard"', () => {
    const room = pureRoom();
    const total = new Set(room.state.alertChain.links.map((l) => l.to)).size;
    expect(summarizeAlertChain(room.state.alertChain, 0)).toEqual({ actors: total, alerted: 0, acknowledged: 0, late: 0 });
    run(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', message });
    run(room, prefecture, 'alertChain.acknowledge', { linkId: 'ars-prefecture' });
    run(room, director, 'alertChain.alert', { linkId: 'etab-ght', message });
    // The hospital's links are the animation's: late at T+16 on its own clock, never counted against the players.
    expect(summarizeAlertChain(room.state.alertChain, minutes(16))).toEqual({ actors: total, alerted: 2, acknowledged: 1, late: 0 });
    // At T+61 the ARS cell has not been alerted by its on-call officer (30 + 30 min): that one counts. And the ARS,
    // which alerted the Préfecture at T+0, knew from then: its alerts to the CORRUSS and the GRADeS (due 60 min later)
    // are late too, and so is the Préfecture's activation of the COD (alerted at T+0, due 60 min later).
    expect(summarizeAlertChain(room.state.alertChain, minutes(61))).toEqual({ actors: total, alerted: 2, acknowledged: 1, late: 4 });
    expect(triggerOf(room.state.alertChain, link(room, 'ars-corruss'))).toEqual({ at: 0, source: 'upstream' });
  });
});
