import { describe, expect, it } from 'vitest';
import { translator } from '../../client/i18n/index.js';
import { alertChainMessages } from '../../client/alert-chain/messages.js';
import { layoutChain, linkViews, timerText } from '../../client/alert-chain/view-model.js';
import { ars, director, prefecture, minutes, pureRoom, run } from './harness.js';

describe('graph layout', () => {
  it('reads left to right in the order the alert travels, unreached backups last', () => {
    const { alertChain } = pureRoom().state;
    const column = (id: string) => layoutChain(alertChain, 100, 10).get(id)!.x / 100;
    expect([column('etablissement'), column('ars-astreinte'), column('ars'), column('prefecture')]).toEqual([0, 1, 2, 3]);
    const last = Math.max(...alertChain.actors.map((a) => column(a.id)));
    expect(column('ars-direction-astreinte')).toBe(last);
    expect(column('samu-secours')).toBe(last);
  });
});

describe('link timers', () => {
  const t = translator('fr');

  it('counts down to the pending deadline, then counts lateness, then shows the acknowledgement time', () => {
    const room = pureRoom();
    const timer = (at: number, id = 'ars-prefecture') => {
      const view = linkViews(room.state.alertChain, at).find((v) => v.link.id === id)!;
      return [view.tone, timerText(t, view.link, view.phase, at)];
    };
    // The ARS cell was alerted at T+10 (by the on-call officer): ARS → Préfecture is due 60 min later.
    room.exerciseTime = minutes(10);
    run(room, director, 'alertChain.alert', { linkId: 'astreinte-ars', message: 'Activation de la cellule' });
    expect(timer(minutes(20))).toEqual(['a_alerter', 'alerte : reste 00:50:00']);
    expect(timer(minutes(71))).toEqual(['late', 'alerte : retard 00:01:00']);
    room.exerciseTime = minutes(71);
    run(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', message: 'Alerte' });
    // Alerted 11 min late: what is left now is the Préfecture's time to acknowledge, and the timer says so.
    expect(timer(minutes(80))).toEqual(['alerte', 'accusé : reste 00:06:00']);
    room.exerciseTime = minutes(81);
    run(room, prefecture, 'alertChain.acknowledge', { linkId: 'ars-prefecture' });
    expect(timer(minutes(90))).toEqual(['accuse', 'T+01:21:00']);
  });

  it("shows the animation's own links without a countdown, never late", () => {
    const room = pureRoom();
    const timer = (at: number) => {
      const view = linkViews(room.state.alertChain, at).find((v) => v.link.id === 'etab-ars-astreinte')!;
      return [view.tone, timerText(t, view.link, view.phase, at)];
    };
    expect(timer(minutes(10))).toEqual(['a_alerter', "joué par l'animation"]);
    expect(timer(minutes(31))).toEqual(['a_alerter', "joué par l'animation"]);
  });

  it('times a link whose upstream alert is not recorded from the upstream deadline, and says so', () => {
    const room = pureRoom();
    const view = linkViews(room.state.alertChain, 0).find((v) => v.link.id === 'ars-prefecture')!;
    expect(timerText(t, view.link, view.phase, 0)).toMatch(/^alerte : reste \d\d:\d\d:\d\d \(compté depuis l'échéance de l'amont, son alerte n'est pas enregistrée\)$/);
  });

  it('before DEBEX gives the deadline on the exercise clock and counts nothing down', () => {
    const room = pureRoom();
    const view = linkViews(room.state.alertChain, 0).find((v) => v.link.id === 'ars-prefecture')!;
    expect(timerText(t, view.link, view.phase, 0, true)).toBe('alerte avant T+02:00:00 (décompte au DEBEX)');
  });

  it('has every French message in English too', () => {
    expect(Object.keys(alertChainMessages.en).sort()).toEqual(Object.keys(alertChainMessages.fr).sort());
  });
});
