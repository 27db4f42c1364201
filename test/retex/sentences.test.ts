import { describe, expect, it } from 'vitest';
import { eventSentences, eventSpecs, findEvent, findSentence } from '../../shared/domain.js';
import { narrate } from '../../shared/retex/narrator.js';
import { replayLines } from '../../shared/retex/replay.js';
import { unifiedTimeline } from '../../shared/retex/timeline.js';
import { systemActor } from '../../shared/core/roles.js';
import { append, minutes } from '../alert-chain/harness.js';
import { displayNames, exampleStory, marie, regionNames } from './sentence-examples.js';
import { leaksIn } from './sentence-leaks.js';

const story = exampleStory();
const told = narrate(story.events, regionNames);
const { state } = story.room;
const ids = [...state.room.cells.map((c) => c.id), ...state.alertChain.actors.map((a) => a.id), ...state.alertChain.links.map((l) => l.id), 'ars-sdis'];
const finess = new Set(Object.keys(displayNames));

describe('one French sentence per event type (issue 18)', () => {
  it('every registered event type has a sentence and an example in the story, and every sentence a registered type', () => {
    const missing = eventSpecs.filter((spec) => !findSentence(spec.type)).map((spec) => spec.type);
    expect(missing, 'event types without a sentence (add it to the feature’s sentences.ts)').toEqual([]);
    const untold = eventSpecs.filter((spec) => !story.events.some((e) => e.type === spec.type)).map((spec) => spec.type);
    expect(untold, 'event types without an example in test/retex/sentence-examples.ts').toEqual([]);
    const types = eventSentences.map((s) => s.type);
    expect(types.filter((type) => !findEvent(type))).toEqual([]);
    expect(types.length).toBe(new Set(types).size);
  });

  it('the examples are events the log could hold (each payload passes its schema)', () => {
    const invalid = story.events.filter((e) => !findEvent(e.type)!.payload.safeParse(e.payload).success).map((e) => e.type);
    expect(invalid).toEqual([]);
  });

  it('no sentence is a generic description, an empty line, a raw enum, an id or a bare FINESS number', () => {
    const leaks = told.map(({ event, sentence }) => ({ type: event.type, sentence, leaks: leaksIn(sentence, ids, finess) })).filter((x) => x.leaks.length > 0);
    expect(leaks).toEqual([]);
  });

  it('names the establishments by their display name', () => {
    const aboutSites = told.filter(({ event }) => event.type.startsWith('careMap.') || event.type === 'mainCourante.entryAdded');
    for (const { event, sentence } of aboutSites) {
      for (const [number, name] of Object.entries(displayNames)) {
        if (JSON.stringify(event.payload).includes(number) && event.type !== 'careMap.regionLoaded') expect(sentence, event.type).toContain(name);
      }
    }
  });

  it('says who did what, and the clock, the modes and the entry types in words', () => {
    const sentences = told.map((t) => t.sentence);
    expect(sentences).toEqual(
      expect.arrayContaining([
        "Exercice démarré (DEBEX), horloge d'exercice à T+00:00:00",
        "Directrice (direction de l'exercice) règle la vitesse de l'horloge à ×10",
        "Directrice (direction de l'exercice) met l'exercice en pause à T+01:20:00",
        "Directrice (direction de l'exercice) avance l'horloge d'exercice à T+02:00:00",
        "Directrice (direction de l'exercice) ramène l'horloge d'exercice à T+01:40:00",
        "FINEX : Directrice (direction de l'exercice) termine l'exercice à T+03:00:00",
        'Marie Dupont (ARS Normandie) alerte Préfecture — SIDPC / COD par téléphone et par SMS : « Cyberattaque GHT. »',
        "Directrice (direction de l'exercice), pour Établissement victime (direction, cellule de crise), alerte ARS — cadre d'astreinte (PVUS) par téléphone : « Rançongiciel au CH. »",
        "Marie Dupont (ARS Normandie) signale que CH Evreux CH Eure-Seine passe en mode dégradé ; Système d'information / DPI : à l'arrêt, accueil des urgences fermé, 12 lits fermés, situation : « DPI chiffré »",
        'Hôpital Charles Nicolle CHU Rouen : Régulation SAMU (Centre 15) : critique',
        'Marie Dupont (ARS Normandie) organise un délestage (AVC) de CH Evreux CH Eure-Seine vers Clinique fictive de la Risle — Filière neurovasculaire',
        "Directrice (direction de l'exercice) retire CH Evreux CH Eure-Seine de son GHT",
        "Directrice (direction de l'exercice) rattache Hôpital Charles Nicolle CHU Rouen au GHT Rouen Cœur de Seine",
        'Décision de Marie Dupont (ARS Normandie) (événement significatif) : « Activation de la cellule régionale de crise. » (à propos de CH Evreux CH Eure-Seine, stimulus S01 « Le directeur de garde du CH Eure-Seine signale une cyberattaque », lien ARS — cellule régionale de crise (CRAPS) → Préfecture — SIDPC / COD)',
        'Décision « Plan blanc au CH Eure-Seine » de Marie Dupont (ARS Normandie) inscrite à la main courante',
        "Paul Martin (Préfecture de l’Eure) signale comme événement significatif l'entrée de Marie Dupont (Information) : « Le CH Eure-Seine confirme le chiffrement. »",
        "Marie Dupont (ARS Normandie) déclare vérifiée l'information de Marie Dupont : « Le CH Eure-Seine confirme le chiffrement. »",
        "Marie Dupont (ARS Normandie) confie l'action « Informer le COD » à Préfecture de l’Eure, échéance T+00:45:00, priorité haute",
        "Marie Dupont (ARS Normandie) abandonne l'action « Informer le COD » — motif : « Le COD est déjà ouvert. »",
        "Directrice (direction de l'exercice) accuse réception pour Préfecture de l’Eure du stimulus S01 « Le directeur de garde du CH Eure-Seine signale une cyberattaque »",
        "Retard : pas d'accusé de réception de CORRUSS — centre de crises sanitaires (DGS) à l'échéance (T+00:25:00) de l'alerte d'ARS — cellule régionale de crise (CRAPS)",
        'Paul Martin (Préfecture de l’Eure) transmet le point de situation n° 1 à COD (Préfecture)',
        "Paul Martin (Préfecture de l’Eure) publie la version 1 des éléments de langage « Standard du CH » (transmise à l'animation)",
        "Éva Leroy (évaluation) note l'objectif « Chaîne d’alerte » 3/4 : « Préfecture alertée tard. »",
      ]),
    );
  });
});

describe('the chronology and the replay read the same sentences', () => {
  const timeline = unifiedTimeline(story.events, regionNames);

  it('leaves out the creation (GHT memberships, the region) and the quiet bookkeeping, keeps what happened', () => {
    const types = timeline.map((i) => i.type);
    expect(types).not.toContain('careMap.regionLoaded');
    expect(types).not.toContain('comms.sealed');
    expect(types).not.toContain('notification.attempted');
    expect(timeline.filter((i) => i.type === 'careMap.ghtAssigned').map((i) => i.by)).toEqual(['Directrice', 'Directrice']);
    expect(timeline[0]!.label).toBe("Exercice démarré (DEBEX), horloge d'exercice à T+00:00:00");
    const bySeq = new Map(told.map((t) => [t.event.seq, t.sentence]));
    for (const item of timeline) expect(item.label).toBe(bySeq.get(item.seq));
  });

  it('collapses identical lines of one actor at one instant into one', () => {
    const r = exampleStory().room;
    r.exerciseTime = minutes(200);
    const overdue = { type: 'action.overdue', payload: { id: 'A1', due: { clock: 'exercise', at: minutes(30) } }, visibility: 'all' as const };
    append(r, [overdue, overdue, overdue], systemActor);
    append(r, [{ type: 'stimulus.acknowledged', payload: { id: 'S01', cell: 'ars' }, visibility: 'all' }], marie);
    const tail = unifiedTimeline(r.events, regionNames).slice(-2);
    expect(tail.map((i) => i.label)).toEqual([
      "L'action « Informer le COD » (ARS Normandie) est en retard : échéance T+00:30:00 dépassée (×3)",
      'Marie Dupont (ARS Normandie) accuse réception du stimulus S01 « Le directeur de garde du CH Eure-Seine signale une cyberattaque »',
    ]);
  });

  it('the replay shows the chronology lines reached at its time, over the same prefix of the log', () => {
    const lines = replayLines(timeline, minutes(30), 3);
    expect(lines.length).toBe(3);
    expect(lines.every((i) => i.exerciseTime <= minutes(30))).toBe(true);
    expect(lines.at(-1)).toEqual(timeline.filter((i) => i.exerciseTime <= minutes(30)).at(-1));
    // After the clock was sent back (T+02:00 → T+01:40), the replay at T+01:50 stops before the jump back.
    const back = timeline.findIndex((i) => i.label.includes('ramène'));
    expect(replayLines(timeline, minutes(110), 100).at(-1)).toEqual(timeline[back - 1]);
  });
});

describe('the leak check itself', () => {
  it('catches every example quoted by the issue', () => {
    const issueLines = [
      "Un acteur en alerte un autre : qui, par quel canal, avec quel message, à quelle heure d'exercice.",
      "Le serveur constate qu'un lien est en retard : pas alerté, pas d'accusé de réception, ou un palier non transmis, à l'échéance (heure d'exercice).",
      'Horloge : speed',
      'Horloge : end',
      '270000359 : degrade',
      '[decision] Cadre ARS : Plan blanc',
      'S05 — Premiers messages (Public → ars, prefecture)',
      "Rattachement d'un établissement à un GHT (null : rattachement retiré).",
    ];
    for (const line of issueLines) expect(leaksIn(line, ids, finess), line).not.toEqual([]);
  });
});
