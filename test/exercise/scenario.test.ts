import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../shared/exercise/scenario.js';
import { loadScenario, scenarioFormatOf, validateScenario } from '../../shared/exercise/scenario-load.js';
import { formatOffset, parseOffset } from '../../shared/exercise/scenario-offset.js';
import { shippedData, shippedScenarioFiles, stimulusIndex } from './scenario-fixtures.js';

describe('scénarios livrés', () => {
  it.each(shippedScenarioFiles())('%s est valide et porte le nom de son identifiant', (file) => {
    const result = loadScenario(readFileSync(file, 'utf8'), scenarioFormatOf(file) ?? 'json');
    if (!result.ok) expect.fail(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    expect(basename(file).replace(/\.(json|ya?ml)$/, '')).toBe(result.scenario.id);
  });

  it('le scénario régional couvre le cahier des charges', () => {
    const result = validateScenario(shippedData());
    if (!result.ok) throw new Error('scénario livré invalide');
    const s = result.scenario;
    expect(s.chronogramme.length).toBeGreaterThanOrEqual(25);
    expect(Math.max(...s.chronogramme.map((x) => parseOffset(x.offset)))).toBeGreaterThanOrEqual(parseOffset('02:45'));
    expect(s.chronogramme.filter((x) => x.condition).length).toBeGreaterThanOrEqual(2);
    expect(s.objectives.map((o) => o.id)).toEqual(['articulation', 'alerte', 'offre-soins', 'communication']);
    expect(s.cells.map((c) => c.id)).toEqual(['ars', 'prefecture']);
    expect(s.kit.playerKit.goodPractices.length).toBeGreaterThanOrEqual(4);
    expect(s.kit.playerKit.glossary.length).toBeGreaterThanOrEqual(12);
    expect(s.kit.observerKit.grid.map((g) => g.objectiveId).sort()).toEqual([...s.objectives.map((o) => o.id)].sort());
    expect(s.kit.observerKit.scale).toMatchObject({ min: 1, max: 4 });
    expect(new Set(s.chronogramme.map((x) => x.channel)).size).toBeGreaterThanOrEqual(5);
    // The GHT's Samu (CH Eure-Seine, Évreux) goes down, by its real FINESS number.
    const samuEffects = s.chronogramme.flatMap((x) => x.careMapEffects ?? []).filter((e) => e.finess === '270000359');
    expect(samuEffects.some((e) => e.functions?.regulation_samu === 'arret')).toBe(true);
  });

  it('chaque objectif est couvert par des réactions attendues', () => {
    const result = validateScenario(shippedData());
    expect(result.ok && result.warnings).toEqual([]);
  });
});

type Mutation = (s: Scenario) => void;
const big = 'A'.repeat(Math.ceil((210 * 1024) / 3) * 4);

/** Each case breaks one thing of the shipped scenario and names the exact path of the error. */
const brokenCases: Array<[string, Mutation, string]> = [
  [
    'horaire mal formé',
    (s) => {
      s.chronogramme[3]!.offset = '1h30';
    },
    'chronogramme[3].offset',
  ],
  [
    'horaire hors bornes',
    (s) => {
      s.chronogramme[4]!.offset = '00:75';
    },
    'chronogramme[4].offset',
  ],
  [
    'étape de chaîne d’alerte sur un lien inconnu',
    (s) => {
      s.chronogramme[0]!.chainSteps = [{ link: 'etab-lune', step: 'alert' }];
    },
    'chronogramme[0].chainSteps[0].link',
  ],
  [
    'émetteur inconnu',
    (s) => {
      s.chronogramme[0]!.sender = 'ministre';
    },
    'chronogramme[0].sender',
  ],
  [
    'cellule destinataire inconnue',
    (s) => {
      s.chronogramme[1]!.recipients = ['cod-zone'];
    },
    'chronogramme[1].recipients[0]',
  ],
  [
    'aucun destinataire',
    (s) => {
      s.chronogramme[1]!.recipients = [];
    },
    'chronogramme[1].recipients',
  ],
  [
    'identifiant de stimulus en double',
    (s) => {
      s.chronogramme[2]!.id = 'S01';
    },
    'chronogramme[2].id',
  ],
  [
    'objectif inconnu',
    (s) => {
      s.chronogramme[0]!.expectedActions[0]!.objective = 'logistique';
    },
    'chronogramme[0].expectedActions[0].objective',
  ],
  [
    'objectifs absents',
    (s) => {
      delete (s as Partial<Scenario>).objectives;
    },
    'objectives',
  ],
  [
    'canal inconnu',
    (s) => {
      (s.chronogramme[0] as { channel: string }).channel = 'fax';
    },
    'chronogramme[0].channel',
  ],
  [
    'pièce jointe trop lourde',
    (s) => {
      s.chronogramme[stimulusIndex(s, 'S03')]!.attachments![0]!.dataBase64 = big;
    },
    'chronogramme[2].attachments[0].dataBase64',
  ],
  [
    'FINESS mal formé',
    (s) => {
      s.chronogramme[0]!.careMapEffects![0]!.finess = '27000';
    },
    'chronogramme[0].careMapEffects[0].finess',
  ],
  [
    'clé FINESS fausse',
    (s) => {
      s.chronogramme[0]!.careMapEffects![0]!.finess = '270000358';
    },
    'chronogramme[0].careMapEffects[0].finess',
  ],
  [
    'condition sans type d’événement',
    (s) => {
      s.chronogramme[5]!.condition!.eventType = '';
    },
    'chronogramme[5].condition.eventType',
  ],
  [
    'condition sur un stimulus inexistant',
    (s) => {
      s.chronogramme[5]!.condition!.match = { stimulusId: 'S99' };
    },
    'chronogramme[5].condition.match.stimulusId',
  ],
  [
    'échéance de condition après le stimulus',
    (s) => {
      const c = s.chronogramme[5]!.condition!;
      if (c.kind === 'if_no_event') c.by = '00:40';
    },
    'chronogramme[5].condition.by',
  ],
  [
    'chronogramme vide',
    (s) => {
      s.chronogramme = [];
    },
    'chronogramme',
  ],
  [
    'échéance avant l’injection',
    (s) => {
      s.chronogramme[9]!.expectedActions[0]!.deadline = '00:30';
    },
    'chronogramme[9].expectedActions[0].deadline',
  ],
  [
    'réaction attendue en double',
    (s) => {
      s.chronogramme[1]!.expectedActions[0]!.id = 'S01-r1';
    },
    'chronogramme[1].expectedActions[0].id',
  ],
  [
    'grille : réaction inconnue',
    (s) => {
      s.kit.observerKit.grid[0]!.criteria[0]!.expectedActionIds = ['S99-r1'];
    },
    'kit.observerKit.grid[0].criteria[0].expectedActionIds[0]',
  ],
  [
    'grille : objectif inconnu',
    (s) => {
      s.kit.observerKit.grid[0]!.objectiveId = 'logistique';
    },
    'kit.observerKit.grid[0].objectiveId',
  ],
  [
    'échelle : libellés manquants',
    (s) => {
      s.kit.observerKit.scale.labels.pop();
    },
    'kit.observerKit.scale.labels',
  ],
  [
    'invitation : variable inconnue',
    (s) => {
      s.kit.communicationKit.invitationTemplate += ' {{prenom}}';
    },
    'kit.communicationKit.invitationTemplate',
  ],
  [
    'champ inconnu (faute de frappe)',
    (s) => {
      Object.assign(s.chronogramme[0]!, { recipient: ['ars'] });
    },
    'chronogramme[0]',
  ],
  [
    'cellule préfecture absente',
    (s) => {
      s.cells = s.cells.filter((c) => c.id !== 'prefecture');
    },
    'cells',
  ],
  [
    'stimulus après la FINEX',
    (s) => {
      s.chronogramme[0]!.offset = '03:10';
    },
    'chronogramme[0].offset',
  ],
];

describe('scénarios cassés', () => {
  it.each(brokenCases)('%s → erreur à %s', (_name, mutate, path) => {
    const scenario = shippedData();
    mutate(scenario);
    const result = validateScenario(scenario);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toContain(path);
    expect(result.errors.every((e) => e.message.length > 0)).toBe(true);
  });

  it('une erreur isolée ne produit qu’une ligne', () => {
    const scenario = shippedData();
    scenario.chronogramme[0]!.sender = 'ministre';
    const result = validateScenario(scenario);
    expect(result.ok ? [] : result.errors).toEqual([{ path: 'chronogramme[0].sender', message: 'émetteur inconnu « ministre » : ce doit être un des acteurs simulés' }]);
  });

  it('l’heure simulée du DEBEX s’écrit « HH:MM » dans une journée', () => {
    const scenario = shippedData();
    scenario.simulatedStart = '8 h 00';
    const result = validateScenario(scenario);
    expect(result.ok ? [] : result.errors).toEqual([{ path: 'simulatedStart', message: 'heure « HH:MM » attendue (00:00 à 23:59), reçu « 8 h 00 »' }]);
  });

  it('les horaires non triés sont acceptés', () => {
    const scenario = shippedData();
    scenario.chronogramme.reverse();
    expect(validateScenario(scenario).ok).toBe(true);
  });

  it('les messages sont en français et nomment la valeur refusée et les valeurs attendues', () => {
    const scenario = shippedData();
    (scenario as { level: string }).level = 'expert';
    const result = validateScenario(scenario);
    expect(result.ok ? '' : result.errors[0]?.message).toBe('« expert » inconnu, attendu : debutant, intermediaire, confirme');
  });
});

describe('horaires', () => {
  it.each([
    ['00:00', 0],
    ['01:30', 5_400_000],
    ['00:00:45', 45_000],
    ['100:00', 360_000_000],
  ])('%s ⇄ %i ms', (text, ms) => {
    expect(parseOffset(text)).toBe(ms);
    expect(formatOffset(ms)).toBe(text);
  });

  it('refuse ce qui n’est pas un horaire', () => {
    for (const text of ['1:30', '01h30', '01:60', '', '-00:10']) expect(() => parseOffset(text)).toThrow(RangeError);
    expect(() => formatOffset(-1)).toThrow(RangeError);
  });
});
