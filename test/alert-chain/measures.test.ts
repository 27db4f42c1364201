import { describe, expect, it } from 'vitest';
import { systemActor } from '../../shared/core/roles.js';
import { alertChainMeasures, measuresCsv } from '../../shared/alert-chain/measures.js';
import { overdueDrafts } from '../../shared/alert-chain/overdue.js';
import { append, ars, director, minutes, prefecture, pureRoom, run } from './harness.js';

function playedRoom() {
  const room = pureRoom();
  room.exerciseTime = minutes(20);
  run(room, director, 'alertChain.alert', { linkId: 'etab-ars-astreinte', message: 'Rançongiciel au CH' });
  room.exerciseTime = minutes(25);
  run(room, director, 'alertChain.alert', { linkId: 'astreinte-ars', message: 'Activation de la cellule' });
  room.exerciseTime = minutes(70);
  run(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', channel: 'mail', message: '=HYPERLINK("x") ; point de situation' });
  room.exerciseTime = minutes(100);
  append(room, overdueDrafts(room.state, room.exerciseTime), systemActor);
  run(room, prefecture, 'alertChain.acknowledge', { linkId: 'ars-prefecture' });
  return room;
}

describe('alertChainMeasures', () => {
  it('gives, per link, alert and acknowledgement times against the deadline', () => {
    const { links } = alertChainMeasures(playedRoom().state.alertChain);
    const toPrefecture = links.find((m) => m.linkId === 'ars-prefecture')!;
    // ARS alerted at T+25 → deadline T+25 + 60 min; alerted at T+70: 15 min early.
    expect(toPrefecture).toMatchObject({
      deadlineAt: minutes(85),
      alertedAt: minutes(70),
      delay: -minutes(15),
      late: false,
      acknowledgedAt: minutes(100),
      acknowledgeDeadlineAt: minutes(85),
      acknowledgementLate: true,
      expectedChannel: 'telephone',
      usedChannel: 'mail',
      alertedBy: 'Cadre ARS',
      acknowledgedBy: 'SIDPC',
    });
    const astreinte = links.find((m) => m.linkId === 'etab-ars-astreinte')!;
    expect(astreinte).toMatchObject({ deadlineAt: minutes(30), alertedAt: minutes(20), late: false });
    const samu = links.find((m) => m.linkId === 'etab-samu')!;
    // Hospital → SAMU is the animation's link: measured, never late against the players.
    expect(samu).toMatchObject({ deadlineAt: minutes(15), alertedAt: null, late: false, delay: null, playedByAnimation: true });
  });

  it('gives, per actor, time from T0 to first alert and acknowledgement', () => {
    const { actors } = alertChainMeasures(playedRoom().state.alertChain);
    expect(actors.find((a) => a.actorId === 'prefecture')).toMatchObject({ alertedAt: minutes(70), acknowledgedAt: minutes(100), deadlineAt: minutes(85), late: false });
    expect(actors.find((a) => a.actorId === 'samu')).toMatchObject({ alertedAt: null, late: false });
    expect(actors.find((a) => a.actorId === 'etablissement')).toBeUndefined();
  });
});

describe('measuresCsv', () => {
  it('writes one row per link for French spreadsheets, defusing formulas', () => {
    const csv = measuresCsv(alertChainMeasures(playedRoom().state.alertChain));
    expect(csv.startsWith('\uFEFFLien;Émetteur;Destinataire;')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + playedRoom().state.alertChain.links.length);
    const row = lines.find((l) => l.startsWith('ars-prefecture;'))!;
    expect(row).toContain(';Téléphone;Courriel;');
    expect(row).toContain(';01:25:00;01:10:00;70,0;-15,0;Cadre ARS;"\'=HYPERLINK(""x"") ; point de situation";non;01:40:00;SIDPC;oui;');
  });
});
