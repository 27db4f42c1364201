import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../shared/exercise/scenario-load.js';
import { formatIssueGroup, groupIssues } from '../../shared/exercise/scenario-issues.js';
import { readScenario } from '../../server/exercise/scenario-files.js';
import { scenariosDir, shippedData } from './scenario-fixtures.js';

const messages = (result: ReturnType<typeof validateScenario>) => (result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`));

describe('scenario:check — rapport d’erreurs', () => {
  it('un scénario à trois défauts différents les donne tous les trois, chacun avec sa valeur', () => {
    const data = shippedData() as unknown as { chronogramme: Array<Record<string, unknown>>; simulatedActors: Array<{ label: string }> };
    data.chronogramme[2]!['channel'] = 'pigeon';
    data.chronogramme[4]!['sender'] = 'samu-fantome';
    data.simulatedActors[1]!.label = data.simulatedActors[0]!.label.toUpperCase();
    const all = messages(validateScenario(data));
    expect(all).toContainEqual(expect.stringMatching(/^chronogramme\[2\]\.channel: « pigeon » inconnu, attendu : mail, telephone, .*visio, note/));
    expect(all).toContainEqual('chronogramme[4].sender: émetteur inconnu « samu-fantome » : ce doit être un des acteurs simulés');
    expect(all).toContainEqual(expect.stringMatching(/^simulatedActors\[1\]\.label: libellé en double « DIRECTION DU CH EURE-SEINE .* « ght-dsi » .* « ght-direction »/));
    expect(all).toHaveLength(3);
  });

  it('le même acteur inconnu cité par cinq stimuli fait un seul groupe qui liste les cinq endroits', () => {
    const data = shippedData();
    for (const i of [0, 3, 6, 9, 12]) data.chronogramme[i]!.sender = 'presse-fantome';
    data.chronogramme[1]!.recipients = ['cod-zone'];
    const result = validateScenario(data);
    const groups = groupIssues(result.ok ? [] : result.errors);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toEqual({
      message: 'émetteur inconnu « presse-fantome » : ce doit être un des acteurs simulés',
      paths: [0, 3, 6, 9, 12].map((i) => `chronogramme[${i}].sender`),
    });
    expect(formatIssueGroup(groups[0]!)[0]).toBe('émetteur inconnu « presse-fantome » : ce doit être un des acteurs simulés — 5 endroits :');
    expect(formatIssueGroup(groups[1]!)).toEqual(['chronogramme[1].recipients[0]: cellule destinataire inconnue « cod-zone »']);
  });

  it('les vérifications croisées tournent même quand le schéma échoue, sans redire une valeur déjà refusée', () => {
    const data = shippedData() as unknown as { level: string; chronogramme: Array<Record<string, unknown>> };
    data.level = 'expert';
    data.chronogramme[0]!['sender'] = 'Pas Un Id';
    data.chronogramme[5]!['recipients'] = ['cod-zone'];
    const all = messages(validateScenario(data));
    expect(all).toContainEqual('level: « expert » inconnu, attendu : debutant, intermediaire, confirme');
    expect(all).toContainEqual('chronogramme[0].sender: identifiant d’acteur attendu (a-z, 0-9, -), reçu « Pas Un Id »');
    expect(all).toContainEqual('chronogramme[5].recipients[0]: cellule destinataire inconnue « cod-zone »');
    expect(all.filter((m) => m.startsWith('chronogramme[0].sender'))).toHaveLength(1);
  });

  it('un stimulus mal formé n’empêche pas de vérifier les autres, et le rapport le nomme', () => {
    const data = shippedData() as unknown as { chronogramme: Array<Record<string, unknown>> };
    data.chronogramme[3]!['recipients'] = 'ars';
    data.chronogramme[6]!['sender'] = 'samu-fantome';
    const all = messages(validateScenario(data));
    expect(all).toContainEqual('chronogramme[6].sender: émetteur inconnu « samu-fantome » : ce doit être un des acteurs simulés');
    expect(all).toContainEqual(': vérification « chronogramme » sauf pour chronogramme[3] (mal formés) — corrigez d’abord les erreurs de schéma');
  });

  it('dit explicitement quelles vérifications croisées n’ont pas pu tourner', () => {
    const data = shippedData() as unknown as Record<string, unknown>;
    data['chronogramme'] = 'à compléter';
    const all = messages(validateScenario(data));
    expect(all).toContainEqual(expect.stringMatching(/^chronogramme: /));
    expect(all).toContainEqual(': vérification « chronogramme » non faite : « chronogramme » illisible(s) — corrigez d’abord les erreurs de schéma');
    // The checks that do not read the chronogramme still ran.
    expect(all.some((m) => m.includes('vérification « libellés des acteurs »'))).toBe(false);
  });
});

describe('scenario:check — refus au moment de la vérification', () => {
  it('refuse une réaction attendue échue après la FINEX', () => {
    const data = shippedData();
    const i = data.chronogramme.findIndex((s) => s.expectedActions.length > 0);
    data.chronogramme[i]!.expectedActions[0]!.deadline = '03:30';
    expect(messages(validateScenario(data))).toEqual([
      `chronogramme[${i}].expectedActions[0].deadline: la réaction attendue « ${data.chronogramme[i]!.expectedActions[0]!.id} » échue à 03:30, après la FINEX (03:00) : elle ne pourra pas être observée`,
    ]);
  });

  it('refuse une action du tableau des décisions due après la FINEX', () => {
    const data = shippedData();
    data.expectedActions = [{ id: 'activer-crc', title: 'Activer la cellule régionale', ownerCell: 'ars', dueMinutes: 200 }];
    expect(messages(validateScenario(data))).toEqual(['expectedActions[0].dueMinutes: l’action attendue « activer-crc » échue à 03:20, après la FINEX (03:00) : elle ne pourra pas être observée']);
  });

  it('refuse un site fictif qui reprend le FINESS d’un établissement réel de la région', () => {
    const data = JSON.parse(readFileSync(join(scenariosDir, 'demo-court.json'), 'utf8')) as ReturnType<typeof shippedData>;
    const site = data.careOffer.fictionalSites[0]!;
    const fictional = site.finess;
    site.finess = '270000458';
    // What pointed at the fictional site now points at nothing: renumber those too, so only the reuse is at fault.
    data.careOffer.initialStatuses.forEach((s) => (s.finess = s.finess === fictional ? '270000458' : s.finess));
    const result = validateScenario(data, { knownFiness: new Set(['270000458']) });
    expect(messages(result).filter((m) => m.startsWith('careOffer.fictionalSites'))).toEqual([
      `careOffer.fictionalSites[0].finess: le site fictif « ${site.nom} » reprend le FINESS « 270000458 » d’un établissement réel de la région « normandie » : donnez-lui un identifiant commençant par une lettre (ex. « F27000001 »)`,
    ]);
  });

  it('refuse deux acteurs simulés au même libellé (sans casse ni accents)', () => {
    const data = shippedData();
    data.simulatedActors[3]!.label = 'samu 27 – centre 15 de l’eure';
    expect(messages(validateScenario(data))).toEqual([
      'simulatedActors[3].label: libellé en double « samu 27 – centre 15 de l’eure » : l’acteur simulé « samu-76a » porte le même libellé que « samu-27 » (donnez-leur des libellés distincts)',
    ]);
  });

  it('la création de salle applique les mêmes vérifications (FINESS réels de la région compris)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const data = JSON.parse(readFileSync(join(scenariosDir, 'demo-court.json'), 'utf8')) as ReturnType<typeof shippedData>;
    const fictional = data.careOffer.fictionalSites[0]!.finess;
    const real = data.careOffer.initialStatuses.find((s) => s.finess !== fictional)?.finess ?? '270000458';
    data.careOffer.fictionalSites[0]!.finess = real;
    writeFileSync(join(dir, 'demo-court.json'), JSON.stringify(data));
    expect(() => readScenario('demo-court', dir)).toThrow(new RegExp(`careOffer\\.fictionalSites\\[0\\]\\.finess: le site fictif .* reprend le FINESS « ${real} »`));
  });
});
