import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetexReport } from '../../shared/retex/report.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, joinAs, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';

/**
 * The RETEX's grid, criterion by criterion, after a short run of the demo scenario through real sockets:
 * - « Signalement consigné et Préfecture alertée » (deadline T+00:10, the later of its two actions): ticked at
 *   the start through its action D01-r1 by one evaluator and directly by another → tenu, both ticks listed;
 *   a tick of D01-r2 retracted → gone;
 * - « Patients orientés » (T+00:15): ticked directly at T+00:16 → manqué, plus a tick of D04-r1 after FINEX;
 * - « Réponse à la presse » (T+00:18): the exercise ends at T+00:16, nobody ticked it → non observé.
 */
describe('RETEX report: each criterion of the grid with its ticks, deadline status and comments', () => {
  let server: TestServer;
  let room: TestRoom;
  const clients: TestClient[] = [];
  let ars: TestClient;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'demo-court', title: 'Exercice démo — grille' });
    const director = await connect(server.url, room.directorToken);
    const eva = await connect(room.url, await tokenFor(room, 'evaluator', undefined, 'Éva Luatrice'));
    const paul = await connect(room.url, await tokenFor(room, 'evaluator', undefined, 'Paul Observateur'));
    ars = await joinAs(room, 'player', 'ars');
    clients.push(director, eva, paul, ars);
    const ok = async (p: Promise<{ ok: boolean }>) => expect((await p).ok).toBe(true);

    await ok(director.send('clock.start'));
    await ok(eva.send('evaluation.observeAction', { stimulusId: 'D01', actionId: 'D01-r1', comment: 'Entrée consignée dès réception' }));
    await ok(paul.send('evaluation.observeAction', { stimulusId: 'grille', actionId: 'G-alerte-1', comment: 'Préfecture appelée' }));
    await ok(eva.send('evaluation.observeAction', { stimulusId: 'D01', actionId: 'D01-r2', comment: 'Cochée par erreur' }));
    await ok(eva.send('evaluation.retractObservation', { stimulusId: 'D01', actionId: 'D01-r2', reason: 'mauvaise ligne' }));
    await ok(director.send('clock.jump', { exerciseTime: 16 * 60_000 }));
    await ok(eva.send('evaluation.observeAction', { stimulusId: 'grille', actionId: 'G-offre-1', comment: 'Délestage décidé tardivement' }));
    await ok(eva.send('evaluation.scoreObjective', { objectiveId: 'offre-soins', score: 2, comment: 'Orientation trop tardive' }));
    await ok(director.send('clock.end'));
    await ok(paul.send('evaluation.observeAction', { stimulusId: 'D04', actionId: 'D04-r1', comment: 'Vu sur la carte, coché après coup' }));
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.close();
  });

  it('lists the criteria of each objective with their ticks on both clocks and the status of their deadline', async () => {
    const report: RetexReport = (await server.api('GET', `/api/rooms/${room.roomId}/report`, undefined, room.directorToken)).body;
    const byId = new Map(report.evaluation.objectives.map((o) => [o.id, o]));
    const [alerte] = byId.get('alerte')!.criteria;
    expect(alerte).toMatchObject({ id: 'G-alerte-1', deadline: 10 * 60_000, status: 'met' });
    expect(alerte!.ticks.map((t) => [t.by, t.comment, t.action, t.afterFinex])).toEqual([
      ['Éva Luatrice', 'Entrée consignée dès réception', 'Consigner le signalement en main courante', false],
      ['Paul Observateur', 'Préfecture appelée', null, false],
    ]);
    expect(alerte!.ticks.every((t) => t.exerciseTime < 60_000 && t.wallTime > Date.now() - 60_000)).toBe(true);

    const [offre] = byId.get('offre-soins')!.criteria;
    expect(offre).toMatchObject({ id: 'G-offre-1', deadline: 15 * 60_000, status: 'missed' });
    expect(offre!.ticks.map((t) => [t.by, t.afterFinex])).toEqual([
      ['Éva Luatrice', false],
      ['Paul Observateur', true],
    ]);
    expect(offre!.ticks[0]!.exerciseTime).toBeGreaterThanOrEqual(16 * 60_000);
    expect(byId.get('offre-soins')).toMatchObject({ score: 2, scoreComment: 'Orientation trop tardive', scoredBy: 'Éva Luatrice' });

    expect(byId.get('communication')!.criteria).toMatchObject([{ id: 'G-com-1', deadline: 18 * 60_000, status: 'notObserved', ticks: [] }]);
  });

  it('writes one section per objective in report.md, a row per criterion with ticks, status and comments', async () => {
    const md: string = (await server.api('GET', `/api/rooms/${room.roomId}/report.md`, undefined, room.directorToken)).body;
    const grid = md.slice(md.indexOf("## Grille d'évaluation"), md.indexOf('## Main courante'));
    const sections = grid.split('\n### ').slice(1);
    expect(sections.map((s) => s.split('\n')[0])).toEqual(['Chaîne d’alerte — non noté', 'Impact sur l’offre de soins — 2/4', 'Communication publique — non noté']);
    const row = (section: string, label: string) => section.split('\n').find((line) => line.startsWith(`| ${label} |`)) ?? '';

    const alerte = row(sections[0]!, 'Signalement consigné et Préfecture alertée dans les délais');
    expect(alerte).toMatch(
      /^\| [^|]+ \| T\+00:10:00 \| T\+00:00:\d\d \(\d\d:\d\d heure de Paris\), Éva Luatrice — Consigner le signalement en main courante ; T\+00:00:\d\d \(\d\d:\d\d heure de Paris\), Paul Observateur \| tenu \|/,
    );
    expect(alerte).toMatch(/\| Éva Luatrice : Entrée consignée dès réception ; Paul Observateur : Préfecture appelée \|$/);
    expect(grid).not.toMatch(/Cochée par erreur|mauvaise ligne/);

    const offre = row(sections[1]!, 'Patients orientés vers les urgences voisines');
    expect(offre).toMatch(
      /\| T\+00:15:00 \| T\+00:16:\d\d \([^)]+\), Éva Luatrice ; T\+00:16:\d\d \([^)]+\), Paul Observateur — Décider un délestage et l’inscrire sur la carte, coché après FINEX \| manqué \|/,
    );
    expect(offre).toContain('Éva Luatrice : Délestage décidé tardivement ; Paul Observateur : Vu sur la carte, coché après coup');
    expect(sections[1]).toContain('Orientation trop tardive (Éva Luatrice)');

    expect(row(sections[2]!, 'Réponse à la presse cohérente entre ARS et Préfecture')).toBe('| Réponse à la presse cohérente entre ARS et Préfecture | T+00:18:00 | — | non observé | — |');
  });

  it('gives players, once released, the same grid as the evaluators — and no retracted tick', async () => {
    expect((await server.api('GET', `/api/rooms/${room.roomId}/report.md`, undefined, ars.token)).status).toBe(403);
    expect((await clients[0]!.send('retex.release')).ok).toBe(true);
    const player = await server.api('GET', `/api/rooms/${room.roomId}/report`, undefined, ars.token);
    const evaluator = await server.api('GET', `/api/rooms/${room.roomId}/report`, undefined, clients[1]!.token);
    expect(player.body.evaluation).toEqual(evaluator.body.evaluation);
    expect(JSON.stringify(player.body)).not.toMatch(/animatorNotes|expectedActions/);
    // The chronology keeps the tick and its retraction (the log does); the grid does not count it.
    expect(JSON.stringify(player.body.evaluation)).not.toContain('Cochée par erreur');
  });
});
