import { describe, expect, it } from 'vitest';
import { systemActor } from '../../shared/core/roles.js';
import { defaultOrsanCyberChain } from '../../shared/alert-chain/default-chain.js';
import { alertChainMeasures, measuresCsv } from '../../shared/alert-chain/measures.js';
import { overdueDrafts } from '../../shared/alert-chain/overdue.js';
import { findLink } from '../../shared/alert-chain/state.js';
import { AlertChainTemplate } from '../../shared/alert-chain/template.js';
import { alertDeadlineAt, lateLinksOfCell, linkPhase, linkStages, nextOverdueAt, summarizeAlertChain } from '../../shared/alert-chain/timing.js';
import { suggestionsFrom } from '../../shared/retex/report.js';
import { append, ars, director, minutes, observer, pureRoom, refusal, run, type PureRoom } from './harness.js';

const hours = (n: number) => minutes(n * 60);
const days = (n: number) => hours(n * 24);
const link = (room: PureRoom, id: string) => findLink(room.state.alertChain, id)!;
/** What the server's deadline timer appends at the room's current exercise time. */
const tick = (room: PureRoom) => append(room, overdueDrafts(room.state, room.exerciseTime), systemActor);
const statuses = (room: PureRoom, id: string, at: number) => linkStages(room.state.alertChain, link(room, id), at).map((s) => [s.id, s.status]);
const breach = 'violation-donnees-personnelles';

describe('a link timed from a named fact: the CNIL 72 h run from awareness of the breach (RGPD art. 33)', () => {
  it('waits for the fact, is never late before it, and is late one millisecond after fact + 72 h', () => {
    // A real crisis: the establishment and the CNIL are real outside actors, so their link counts.
    const room = pureRoom({ mode: 'crisis' });
    const cnil = () => link(room, 'etab-cnil');
    expect(linkPhase(room.state.alertChain, cnil(), days(10))).toMatchObject({ late: false, deadlineAt: null, waitingFor: breach });
    expect(overdueDrafts(room.state, days(10)).some((d) => JSON.stringify(d.payload).includes('etab-cnil'))).toBe(false);

    room.exerciseTime = hours(5);
    run(room, ars, 'alertChain.recordFact', { fact: breach, at: hours(2) });
    expect(room.events.at(-1)).toMatchObject({ type: 'alertChain.factRecorded', exerciseTime: hours(5), payload: { fact: breach, at: hours(2) } });
    expect(room.events.at(-1)!.wallTime).toBeGreaterThan(0);
    expect(alertDeadlineAt(room.state.alertChain, cnil())).toBe(hours(2 + 72));
    expect(linkPhase(room.state.alertChain, cnil(), hours(74))).toMatchObject({ late: false, waitingFor: null, deadlineAt: hours(74) });
    expect(linkPhase(room.state.alertChain, cnil(), hours(74) + 1).late).toBe(true);
    expect(nextOverdueAt(room.state.alertChain)).not.toBeNull();

    room.exerciseTime = hours(74);
    expect(tick(room).filter((e) => (e.payload as { linkId?: string }).linkId === 'etab-cnil')).toEqual([]);
    room.exerciseTime = hours(74) + 1;
    const overdue = tick(room).filter((e) => e.type === 'alertChain.overdue' && (e.payload as { linkId?: string }).linkId === 'etab-cnil');
    expect(overdue.map((e) => e.payload)).toEqual([{ linkId: 'etab-cnil', kind: 'alert', deadlineExerciseTime: hours(74) }]);
    const measure = alertChainMeasures(room.state.alertChain).links.find((l) => l.linkId === 'etab-cnil')!;
    expect(measure).toMatchObject({ triggerSource: 'fact', factLabel: 'Violation de données personnelles constatée', deadlineAt: hours(74), late: true });
    expect(measuresCsv(alertChainMeasures(room.state.alertChain))).toContain('Fait établi : Violation de données personnelles constatée');
  });

  it('takes the time of the record when no earlier time is given, and refuses what the server would', () => {
    const room = pureRoom({ mode: 'crisis' });
    expect(refusal(pureRoom({ started: false }), ars, 'alertChain.recordFact', { fact: breach }).code).toBe('conflict');
    expect(refusal(room, ars, 'alertChain.recordFact', { fact: 'fuite-inconnue' }).code).toBe('not_found');
    expect(refusal(room, observer, 'alertChain.recordFact', { fact: breach }).code).toBe('forbidden');
    room.exerciseTime = hours(1);
    expect(refusal(room, ars, 'alertChain.recordFact', { fact: breach, at: hours(2) }).code).toBe('invalid');
    run(room, director, 'alertChain.recordFact', { fact: breach });
    expect(alertDeadlineAt(room.state.alertChain, link(room, 'etab-cnil'))).toBe(hours(73));
    const again = refusal(room, ars, 'alertChain.recordFact', { fact: breach });
    expect(again.code).toBe('conflict');
    expect(again.message).toContain('T+01:00');
  });

  it('a template timed from a fact it does not declare is refused', () => {
    const bad = { ...defaultOrsanCyberChain, facts: [] };
    const parsed = AlertChainTemplate.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('fait inconnu');
  });
});

describe('staged deadlines: NIS2 via the ANSSI (24 h, 72 h, 1 month; directive NIS2 art. 23)', () => {
  it('gives each stage its own deadline and status, recorded missed once by the server', () => {
    const room = pureRoom({ mode: 'crisis' });
    const nis2 = () => link(room, 'etab-anssi-nis2');
    expect(linkStages(room.state.alertChain, nis2(), 0).map((s) => [s.label, s.deadlineAt])).toEqual([
      ['Alerte précoce', hours(24)],
      ["Notification d'incident", hours(72)],
      ['Rapport final', days(30)],
    ]);
    expect(statuses(room, 'etab-anssi-nis2', 0)).toEqual([
      ['alerte-precoce', 'a_venir'],
      ['notification', 'a_venir'],
      ['rapport-final', 'a_venir'],
    ]);

    room.exerciseTime = hours(20);
    expect(refusal(room, director, 'alertChain.completeStage', { linkId: 'etab-anssi-nis2', stageId: 'notification' }).message).toMatch(/pas encore été alerté/);
    run(room, director, 'alertChain.alert', { linkId: 'etab-anssi-nis2', message: 'Alerte précoce NIS2 : rançongiciel.' });
    run(room, director, 'alertChain.acknowledge', { linkId: 'etab-anssi-nis2' });
    room.exerciseTime = hours(72) + 1;
    tick(room);
    expect(nis2().stages.find((s) => s.id === 'notification')?.overdue).toBe(hours(72));
    expect(tick(room).filter((e) => e.type === 'alertChain.overdue' && (e.payload as { linkId?: string }).linkId === 'etab-anssi-nis2')).toEqual([]);
    expect(statuses(room, 'etab-anssi-nis2', hours(80))).toEqual([
      ['alerte-precoce', 'tenu'],
      ['notification', 'manque'],
      ['rapport-final', 'a_venir'],
    ]);
    // A missed stage makes the link late in the header's count, like a missed alert.
    expect(linkPhase(room.state.alertChain, nis2(), hours(80)).late).toBe(true);
    const lateBefore = summarizeAlertChain(room.state.alertChain, hours(80)).late;

    room.exerciseTime = hours(90);
    run(room, director, 'alertChain.completeStage', { linkId: 'etab-anssi-nis2', stageId: 'notification' });
    expect(linkPhase(room.state.alertChain, nis2(), hours(90)).late).toBe(false);
    expect(summarizeAlertChain(room.state.alertChain, hours(90)).late).toBe(lateBefore - 1);
    room.exerciseTime = days(29);
    run(room, director, 'alertChain.completeStage', { linkId: 'etab-anssi-nis2', stageId: 'rapport-final' });
    expect(statuses(room, 'etab-anssi-nis2', days(31))).toEqual([
      ['alerte-precoce', 'tenu'],
      ['notification', 'en_retard'],
      ['rapport-final', 'tenu'],
    ]);

    const measure = alertChainMeasures(room.state.alertChain).links.find((l) => l.linkId === 'etab-anssi-nis2')!;
    const findings = suggestionsFrom({ links: [measure], actors: [] }, [], [], null, days(31));
    expect(findings).toEqual([
      "Établissement victime (direction, cellule de crise) a transmis le palier « Notification d'incident » à ANSSI / CERT-FR à T+90:00:00, au lieu de T+72:00:00 au plus tard (18 h de retard).",
    ]);
  });

  it('refuses the first stage (it is the alert), an unknown stage, a stage sent twice, and a cell that does not send it', () => {
    const room = pureRoom({ mode: 'crisis' });
    run(room, director, 'alertChain.alert', { linkId: 'etab-anssi-nis2', message: 'Alerte précoce.' });
    expect(refusal(room, director, 'alertChain.completeStage', { linkId: 'etab-anssi-nis2', stageId: 'alerte-precoce' }).code).toBe('conflict');
    expect(refusal(room, director, 'alertChain.completeStage', { linkId: 'etab-anssi-nis2', stageId: 'rapport-annuel' }).code).toBe('not_found');
    expect(refusal(room, ars, 'alertChain.completeStage', { linkId: 'etab-anssi-nis2', stageId: 'notification' }).code).toBe('forbidden');
    run(room, director, 'alertChain.completeStage', { linkId: 'etab-anssi-nis2', stageId: 'notification' });
    expect(refusal(room, director, 'alertChain.completeStage', { linkId: 'etab-anssi-nis2', stageId: 'notification' }).code).toBe('conflict');
  });

  it('never reports a stage still ahead when the room stopped, and never the animation’s own stages in an exercise', () => {
    const crisis = pureRoom({ mode: 'crisis' });
    const measure = alertChainMeasures(crisis.state.alertChain).links.find((l) => l.linkId === 'etab-anssi-nis2')!;
    expect(suggestionsFrom({ links: [measure], actors: [] }, [], [], null, hours(3))).toEqual([]);
    expect(suggestionsFrom({ links: [measure], actors: [] }, [], [], null, hours(73))).toContain(
      "Établissement victime (direction, cellule de crise) n'a jamais transmis le palier « Notification d'incident » à ANSSI / CERT-FR (attendu avant T+72:00:00).",
    );
    const exercise = pureRoom();
    exercise.exerciseTime = days(40);
    expect(overdueDrafts(exercise.state, exercise.exerciseTime).filter((d) => d.payload && (d.payload as { kind?: string }).kind === 'stage')).toEqual([]);
    expect(linkPhase(exercise.state.alertChain, link(exercise, 'etab-anssi-nis2'), days(40))).toMatchObject({ late: false, byAnimation: true });
    expect(lateLinksOfCell(exercise.state.alertChain, 'ars', days(40)).map((l) => l.id)).not.toContain('etab-anssi-nis2');
  });

  it('a single deadline is one stage: the alert', () => {
    const room = pureRoom({ mode: 'crisis' });
    // The ARS cell's alert to the CORRUSS counts from when the cell should have been alerted (T+60 min), plus 60 min.
    expect(linkStages(room.state.alertChain, link(room, 'ars-corruss'), 0).map((s) => [s.id, s.deadlineAt])).toEqual([['alerte', minutes(120)]]);
    expect(link(room, 'ars-corruss').stages).toEqual([]);
  });
});

describe('the default ORSAN Cyber chain (issue 19 additions)', () => {
  const pairs = defaultOrsanCyberChain.links.map((l) => `${l.from}>${l.to}`);

  it('has DGOS, SDIS, GRADeS, the vigilance message, the COD and the zone, and NIS2 via the ANSSI', () => {
    expect(pairs).toEqual(
      expect.arrayContaining([
        'corruss>dgos',
        'corruss>hfds',
        'samu>sdis',
        'ars>etablissements-territoire',
        'ars>grades',
        'prefecture>cod',
        'prefecture>zone-defense',
        'etablissement>anssi',
        'etablissement>cnil',
      ]),
    );
    const label = (id: string) => defaultOrsanCyberChain.actors.find((a) => a.id === id)?.label ?? '';
    expect(label('dgos')).toMatch(/DGOS/);
    expect(label('sdis')).toMatch(/15-18/);
    expect(label('etablissements-territoire')).toMatch(/vigilance/);
    expect(label('zone-defense')).toMatch(/EMIZ \/ ARS de zone/);
    const nis2 = defaultOrsanCyberChain.links.find((l) => l.id === 'etab-anssi-nis2')!;
    expect(nis2.deadlines?.map((s) => s.minutes)).toEqual([24 * 60, 72 * 60, 30 * 24 * 60]);
    expect(defaultOrsanCyberChain.links.find((l) => l.id === 'etab-cnil')).toMatchObject({ deadlineMinutes: 72 * 60, trigger: { fact: breach } });
  });
});
