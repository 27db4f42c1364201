import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { dictGet } from '../../shared/core/dict.js';
import type { RoomEvent } from '../../shared/core/events.js';
import { appendEntries } from '../../shared/main-courante/doc.js';
import { parseOffset } from '../../shared/exercise/scenario-offset.js';
import type { RetexReport } from '../../shared/retex/report.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';
import { authorOf, entry, openMainCourante, stockClient, waitFor } from '../collab/yjs-clients.js';
import { leaksIn } from './sentence-leaks.js';

const SCENARIO = 'cyber-ght-samu-normandie';
const EVREUX = '270000359';
const ROUEN = '760000158';

/**
 * Issue 18, point 1: after an accelerated regional run of the shipped scenario, every line of the RETEX
 * chronology (report page and report.md) says what happened, in French, with names: no raw enum or id, no
 * event type's generic description.
 */
describe('RETEX chronology of an accelerated regional run', () => {
  let server: TestServer;
  let room: TestRoom;
  let director: TestClient;
  let ars: TestClient;
  let prefecture: TestClient;
  let evaluator: TestClient;
  let report: RetexReport;
  let markdown: string;
  let events: RoomEvent[];

  const ok = async (client: TestClient, type: string, payload: unknown = {}) => {
    const ack = await client.send(type, payload);
    expect(ack, `${type} ${JSON.stringify(ack)}`).toMatchObject({ ok: true });
  };
  const state = async () => (await server.server.rooms.get(room.roomId)).state;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: SCENARIO, title: 'Exercice régional — chronologie' });
    director = await connect(server.url, room.directorToken);
    const arsToken = await tokenFor(room, 'player', 'ars', 'Marie Dupont');
    const prefToken = await tokenFor(room, 'player', 'prefecture', 'Paul Martin');
    ars = await connect(server.url, arsToken);
    prefecture = await connect(server.url, prefToken);
    evaluator = await connect(server.url, await tokenFor(room, 'evaluator', undefined, 'Éva Leroy'));
    const marie = await authorOf(server, arsToken);
    const mainCourante = await openMainCourante(room, arsToken);

    await ok(ars, 'participant.checkIn');
    await ok(director, 'room.announce', { text: 'DEBEX dans cinq minutes, audioconférence à 8 h 30.' });
    await ok(director, 'clock.start');
    await ok(director, 'clock.setSpeed', { speed: 10 });
    const runtime = await server.server.rooms.get(room.roomId);
    const order = runtime.state.exercise.animator!.order;
    let step = 0;
    for (const id of order) {
      const item = dictGet(runtime.state.exercise.animator!.items, id)!;
      if (item.status !== 'scheduled') continue;
      // A stimulus sent an hour after the bascule (S25) is due then, not at its offset.
      const condition = item.stimulus.condition;
      const due = condition?.kind === 'after_event' && item.conditionMetAt !== null ? item.conditionMetAt + parseOffset(condition.delay) : parseOffset(item.stimulus.offset);
      if (runtime.now().exerciseTime < due - 1500) await director.send('clock.jump', { exerciseTime: due - 1500 });
      await director.waitForEvent((e) => ['stimulus.injected', 'stimulus.cancelled'].includes(e.type) && JSON.stringify(e.payload).includes(`"id":"${id}"`), 15_000);
      step += 1;
      const delivered = dictGet(runtime.state.exercise.inbox, id);
      if (delivered?.recipients.includes('ars') && step % 2 === 1) await ok(ars, 'stimulus.acknowledge', { id });
      if (delivered?.recipients.includes('prefecture') && step % 3 === 0) await ok(prefecture, 'stimulus.acknowledge', { id });
      if (step === 1) {
        await ok(ars, 'stimulus.reply', { id, text: 'Bien reçu, la cellule régionale est activée.' });
        const written = entry(marie, 'Activation de la cellule régionale de crise.', { type: 'decision', significant: true, links: { finess: EVREUX, stimulusId: id } });
        appendEntries(mainCourante.doc, [written, entry(marie, 'Le CH Eure-Seine confirme le chiffrement du DPI.', { type: 'information' })]);
        await ars.waitForEvent((e) => e.type === 'mainCourante.entryAdded' && JSON.stringify(e.payload).includes('DPI'));
        await ok(ars, 'stimulus.link', { id, kind: 'mainCourante', ref: written.id, label: 'Décision : activation de la cellule' });
        // S01 itself played the hospital's call to the ARS on-call officer (its `chainSteps`): the animation acknowledges.
        await ok(director, 'alertChain.acknowledge', { linkId: 'etab-ars-astreinte' });
        await ok(director, 'alertChain.alert', { linkId: 'astreinte-ars', channel: 'telephone', message: 'Activation de la cellule régionale.' });
        await ok(ars, 'alertChain.acknowledge', { linkId: 'astreinte-ars' });
      }
      if (step === 2) {
        await ok(ars, 'careMap.setStatus', { finess: EVREUX, mode: 'degrade', functions: { si_dpi: 'arret', urgences: 'degrade' }, situation: 'DPI chiffré, urgences sur papier' });
        await ok(ars, 'alertChain.alert', { linkId: 'ars-prefecture', channel: 'telephone', message: 'Cyberattaque GHT, bascule du 15 en préparation.' });
        await ok(prefecture, 'alertChain.acknowledge', { linkId: 'ars-prefecture' });
        await ok(ars, 'alertChain.correct', { linkId: 'ars-prefecture', note: 'Alerte passée au SIDPC, pas au COD.' });
        await ok(ars, 'notification.recordCall', { linkId: 'ars-corruss', outcome: 'non_joint', note: 'Messagerie pleine.' });
        await ok(ars, 'alertChain.alert', { linkId: 'ars-corruss', channel: 'mail', message: 'Signalement cyberattaque GHT Eure-Seine.' });
      }
      if (step === 4) {
        await ok(ars, 'careMap.setBascule', { samu: EVREUX, to: ROUEN });
        await ok(ars, 'careMap.addDiversion', { from: EVREUX, to: ROUEN, patients: 'AVC', note: 'Filière neurovasculaire' });
        await ok(director, 'careMap.setGht', { finess: ROUEN, ght: 'GHT Rouen Cœur de Seine' });
        await ok(ars, 'decision.record', {
          title: 'Déclencher le plan blanc au CH Eure-Seine',
          rationale: 'SIH indisponible, urgences sur papier.',
          actions: [
            { title: 'Informer le COD', ownerCell: 'prefecture', dueAt: due + 20 * 60_000, priority: 'haute' },
            { title: 'Recenser les patients dialysés', ownerCell: 'ars', dueAt: due + 10 * 60_000 },
          ],
        });
        const [first, second] = (await state()).decisions.actions;
        await ok(prefecture, 'action.setStatus', { id: first!.id, status: 'en_cours' });
        await ok(ars, 'action.comment', { id: second!.id, text: 'Liste demandée au CH Eure-Seine.' });
        await ok(ars, 'action.reassign', { id: second!.id, ownerCell: 'ars', ownerName: 'Marie Dupont' });
        await ok(ars, 'action.setDue', { id: second!.id, dueAt: due + 40 * 60_000 });
        await ok(director, 'action.allowOthers', { id: first!.id, allowed: true });
      }
      if (step === 6) {
        await ok(ars, 'comms.createDraft', { kind: 'communique_presse', title: 'Communiqué — continuité des soins dans l’Eure' });
        const draft = (await state()).comms.drafts.at(-1)!;
        const doc = stockClient(room.url, room.roomId, `comms-${draft.id}`, arsToken);
        await doc.whenSynced();
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('La continuité des soins est assurée dans l’Eure.')]);
        doc.doc.getXmlFragment('default').push([paragraph]);
        await new Promise((r) => setTimeout(r, 300));
        await ok(ars, 'comms.submit', { draftId: draft.id });
        await waitFor(async () => (await state()).comms.drafts.at(-1)!.sealed !== null);
        await ok(prefecture, 'comms.validate', { draftId: draft.id, hash: (await state()).comms.drafts.at(-1)!.sealed!.hash });
        await ok(prefecture, 'comms.publish', { draftId: draft.id });
        doc.destroy();
        await ok(ars, 'sitrep.open');
        await ok(ars, 'sitrep.submit', { n: 1 });
        await ok(prefecture, 'sitrep.validate', { n: 1 });
        await waitFor(async () => (await state()).sitrep.points[0]?.status === 'fige');
        await ok(prefecture, 'sitrep.sendToAnimation', { n: 1, to: 'cod' });
      }
      if (step === 8) {
        const [first] = (await state()).decisions.actions;
        await ok(prefecture, 'action.setStatus', { id: first!.id, status: 'faite' });
        await ok(director, 'clock.pause');
        await ok(director, 'clock.resume');
        await ok(director, 'stimulus.create', { sender: 'samu-27', recipients: ['ars'], channel: 'telephone', subject: 'Le SAMU 27 rappelle', content: 'Où en est la bascule ?', injectNow: true });
        await ok(ars, 'careMap.endDiversion', { id: (await state()).careMap.diversions[0]!.id });
      }
    }
    const kit = (await state()).exercise.observerKit!;
    const expected = kit.expectedActions[0]!;
    await ok(evaluator, 'evaluation.observeAction', { stimulusId: expected.stimulusId, actionId: expected.id, comment: 'Fait à temps' });
    await ok(evaluator, 'evaluation.scoreObjective', { objectiveId: kit.objectives[0]!.id, score: 3, comment: 'Bonne articulation' });
    await ok(evaluator, 'evaluation.addObservation', { text: 'Point de situation clair et daté.', objectiveId: null });
    await ok(ars, 'careMap.endBascule', { samu: EVREUX });
    await ok(director, 'clock.end');
    mainCourante.destroy();

    report = (await server.api('GET', `/api/rooms/${room.roomId}/report`, undefined, room.directorToken)).body;
    markdown = (await server.api('GET', `/api/rooms/${room.roomId}/report.md`, undefined, room.directorToken)).body as string;
    events = await server.server.store.events.read(room.roomId);
  }, 120_000);

  afterAll(async () => {
    for (const c of [director, ars, prefecture, evaluator]) c?.close();
    await server?.close();
  });

  /** What a line must not show of this room: its cells, chain actors and links by id, and its FINESS numbers. */
  const roomIds = async () => {
    const s = await state();
    return { ids: [...s.room.cells.map((c) => c.id), ...s.alertChain.actors.map((a) => a.id), ...s.alertChain.links.map((l) => l.id)], finess: new Set(Object.keys(s.careMap.finessIds)) };
  };

  it('says every line in French with names: no raw enum, id, FINESS number or generic description', async () => {
    const { ids, finess } = await roomIds();
    const leaks = report.timeline.map((i) => ({ type: i.type, label: i.label, leaks: leaksIn(i.label, ids, finess) })).filter((x) => x.leaks.length > 0);
    expect(leaks).toEqual([]);
    // Every kind of happening the run produced is in the chronology, each said by its own sentence.
    expect(new Set(report.timeline.map((i) => i.type))).toEqual(
      new Set([
        'clock.changed',
        'stimulus.injected',
        'stimulus.acknowledged',
        'stimulus.replied',
        'stimulus.linked',
        'stimulus.cancelled',
        'careMap.statusChanged',
        'careMap.basculeSet',
        'careMap.basculeEnded',
        'careMap.diversionAdded',
        'careMap.diversionEnded',
        'careMap.ghtAssigned',
        'mainCourante.entryAdded',
        'alertChain.alertSent',
        'alertChain.acknowledged',
        'alertChain.corrected',
        'alertChain.overdue',
        'notification.callRecorded',
        'notification.queued',
        'decision.recorded',
        'action.created',
        'action.statusChanged',
        'action.commented',
        'action.reassigned',
        'action.dueChanged',
        'action.othersAllowed',
        'action.overdue',
        'comms.draftCreated',
        'comms.submitted',
        'comms.validated',
        'comms.published',
        'evaluation.actionObserved',
        'evaluation.objectiveScored',
        'evaluation.observationAdded',
      ]),
    );
  });

  it('names who did what, establishments by name, links by their actors, the clock in words', () => {
    const labels = report.timeline.map((i) => i.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        "Exercice démarré (DEBEX), horloge d'exercice à T+00:00:00",
        "Directrice (direction de l'exercice) règle la vitesse de l'horloge à ×10",
        'Marie Dupont (ARS Normandie) alerte Préfecture — SIDPC / COD par téléphone : « Cyberattaque GHT, bascule du 15 en préparation. »',
        "Paul Martin (Préfecture de l’Eure) accuse réception de l'alerte d'ARS — cellule régionale de crise (CRAPS)",
        'Marie Dupont (ARS Normandie) corrige le lien ARS — cellule régionale de crise (CRAPS) → Préfecture — SIDPC / COD — « Alerte passée au SIDPC, pas au COD. »',
        'Marie Dupont (ARS Normandie) déclenche la bascule du 15 : les appels de CH Evreux CH Eure-Seine sont pris par Hôpital Charles Nicolle CHU Rouen',
        "Marie Dupont (ARS Normandie) signale que CH Evreux CH Eure-Seine passe en mode dégradé ; Système d'information / DPI : à l'arrêt, Urgences : mode dégradé, situation : « DPI chiffré, urgences sur papier »",
        'Marie Dupont (ARS Normandie) met fin au délestage (AVC) de CH Evreux CH Eure-Seine vers Hôpital Charles Nicolle CHU Rouen',
        'Décision « Déclencher le plan blanc au CH Eure-Seine » de Marie Dupont (ARS Normandie) inscrite à la main courante',
        'Information de Marie Dupont (ARS Normandie) : « Le CH Eure-Seine confirme le chiffrement du DPI. »',
        "Paul Martin (Préfecture de l’Eure) marque l'action « Informer le COD » comme faite",
      ]),
    );
    expect(labels.some((l) => /^Directrice \(direction de l'exercice\) met l'exercice en pause à T\+00:\d\d:\d\d$/.test(l))).toBe(true);
    // The hospital's call to the ARS on-call officer was played by S01 itself (its chain steps), and says so.
    expect(labels).toContainEqual(expect.stringMatching(/^Scénario \(S01\) : .+ alerte ARS — cadre d'astreinte \(PVUS\) par téléphone$/));
    expect(labels.at(-1)).toMatch(/^FINEX : Directrice \(direction de l'exercice\) termine l'exercice à T\+02:5\d:\d\d$/);
    expect(
      labels.some((l) =>
        l.startsWith('Décision de Marie Dupont (ARS Normandie) (événement significatif) : « Activation de la cellule régionale de crise. » (à propos de CH Evreux CH Eure-Seine, stimulus S'),
      ),
    ).toBe(true);
  });

  it('leaves the set-up out (GHT memberships, initial statuses) and never repeats a line', () => {
    const setUp = events.filter((e) => e.exerciseTime === 0 && e.actor.kind === 'system' && e.type === 'careMap.ghtAssigned');
    expect(setUp.length).toBe(4);
    expect(report.timeline.filter((i) => i.type === 'careMap.ghtAssigned').map((i) => i.label)).toEqual([
      "Directrice (direction de l'exercice) rattache Hôpital Charles Nicolle CHU Rouen au GHT Rouen Cœur de Seine",
    ]);
    expect(report.timeline.some((i) => ['careMap.regionLoaded', 'alertChain.defined', 'comms.sealed', 'room.created'].includes(i.type))).toBe(false);
    const repeated = report.timeline.filter((item, k) => k > 0 && item.label === report.timeline[k - 1]!.label && item.exerciseTime === report.timeline[k - 1]!.exerciseTime);
    expect(repeated).toEqual([]);
  });

  it('writes the same lines in report.md', async () => {
    const { ids, finess } = await roomIds();
    const chronology = markdown.slice(markdown.indexOf('## Chronologie'));
    const rows = chronology.split('\n').filter((line) => /^\| T\+/.test(line));
    expect(rows.length).toBe(report.timeline.length);
    rows.forEach((row, k) => expect(row).toContain(`| ${report.timeline[k]!.label.replace(/\|/g, '\\|')} |`));
    expect(rows.flatMap((row) => leaksIn(row.split(' | ')[2] ?? '', ids, finess))).toEqual([]);
  });
});
