import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportChronogramme, importChronogramme, readSheetTable, type SheetFormat } from '../../server/exercise/chronogramme-sheet.js';
import type { Scenario } from '../../shared/exercise/scenario.js';
import { validateScenario } from '../../shared/exercise/scenario-load.js';
import { mergeSheetStimuli, sheetFields, sheetToStimuli, stimuliToSheet } from '../../shared/exercise/scenario-sheet.js';
import { shippedData } from './scenario-fixtures.js';

function shipped(): Scenario {
  const result = validateScenario(shippedData());
  if (!result.ok) throw new Error('scénario livré invalide');
  return result.scenario;
}

const header = 'horaire,émetteur,destinataire,canal,objet,contenu,réaction attendue,objectif';

/** A CSV chronogramme whose data rows are given one per line (the header is line 1). */
async function importCsv(rows: string[], scenario = shipped()) {
  return importChronogramme(Buffer.from([header, ...rows].join('\n')), 'csv', scenario);
}

describe('aller-retour du chronogramme par tableur', () => {
  it.each<[SheetFormat, ',' | ';']>([
    ['csv', ','],
    ['csv', ';'],
    ['xlsx', ','],
  ])('%s (séparateur %s) : export puis import redonnent le même chronogramme', async (format, delimiter) => {
    const scenario = shipped();
    const file = await exportChronogramme(scenario.chronogramme, scenario, format, { delimiter });
    const back = await importChronogramme(file, format, scenario);
    if (!back.ok) expect.fail(back.errors.join('\n'));
    expect(back.stimuli).toEqual(scenario.chronogramme.map(sheetFields));
    expect(back.warnings).toEqual([]);
    expect(mergeSheetStimuli(back.stimuli, scenario.chronogramme)).toEqual(scenario.chronogramme);
  });

  it('écrit les en-têtes français et les libellés plutôt que les identifiants', async () => {
    const scenario = shipped();
    const table = await readSheetTable(await exportChronogramme(scenario.chronogramme, scenario, 'csv'), 'csv');
    expect(table.headers).toEqual([
      'id',
      'horaire',
      'phase',
      'type',
      'émetteur',
      'destinataire',
      'canal',
      'objet',
      'contenu',
      'réaction attendue',
      'objectif',
      'critère d’évaluation',
      'notes animateur',
    ]);
    expect(table.rows[0]?.values.slice(4, 7)).toEqual(['Direction du CH Eure-Seine (support du GHT)', 'ARS Normandie — cellule régionale de crise', 'Téléphone']);
  });
});

describe('import d’une feuille écrite à la main', () => {
  it('reconnaît noms et canaux sans casse ni accents, plusieurs destinataires séparés par « ; »', async () => {
    const result = await importCsv(["0:30,samu 27 – centre 15 de l'eure,ars ; PREFECTURE DE L’EURE — SIDPC / COD,telephone,Appel,Texte,Vérifier la bascule | échéance : 0:45,offre-soins"]);
    if (!result.ok) expect.fail(result.errors.join('\n'));
    expect(result.stimuli[0]).toMatchObject({
      id: 'stim-01',
      offset: '00:30',
      sender: 'samu-27',
      recipients: ['ars', 'prefecture'],
      channel: 'telephone',
      type: 'prevu',
      expectedActions: [{ id: 'stim-01-r1', label: 'Vérifier la bascule', criterion: 'Vérifier la bascule', objective: 'offre-soins', deadline: '00:45' }],
    });
  });

  it('donne chaque erreur avec son numéro de ligne et sa colonne', async () => {
    const ok = '00:10,medias,ars,mail,Objet,Texte,Répondre,communication';
    const result = await importCsv([ok, ok, ok, ok, ok, '00:40,medias,ars,fax,Objet,Texte,Répondre,communication', '25h,inconnu,cod-zone,mail,,Texte,Répondre,logistique']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.filter((e) => e.startsWith('ligne 7,'))).toEqual(['ligne 7, canal : valeur inconnue « fax »']);
    expect(result.errors).toContain('ligne 8, objet : valeur requise');
    expect(result.errors).toContain('ligne 8, horaire : format « HH:MM » ou « HH:MM:SS » attendu, reçu « 25h »');
    expect(result.errors.some((e) => e.startsWith('ligne 8, émetteur : « inconnu » ne désigne aucun acteur simulé'))).toBe(true);
    expect(result.errors.some((e) => e.startsWith('ligne 8, destinataire : « cod-zone » ne désigne aucune cellule'))).toBe(true);
    expect(result.errors.some((e) => e.startsWith('ligne 8, réaction attendue n° 1 : « logistique » ne désigne aucun objectif'))).toBe(true);
    expect(result.errors.filter((e) => /^ligne [2-6],/.test(e))).toEqual([]);
  });

  it('refuse les identifiants en double et les colonnes obligatoires manquantes', async () => {
    const scenario = shipped();
    const dup = sheetToStimuli(
      {
        headers: ['id', ...header.split(',')],
        rows: [2, 3].map((line) => ({ line, values: ['S1', '00:10', 'medias', 'ars', 'mail', 'Objet', 'Texte', 'Répondre', 'communication'] })),
      },
      scenario,
    );
    expect(dup.ok ? [] : dup.errors).toEqual(['ligne 3, id : stimulus en double « S1 » (déjà ligne 2)']);
    const missing = sheetToStimuli({ headers: ['horaire', 'objet'], rows: [] }, scenario);
    expect(missing.ok ? [] : missing.errors).toContain('ligne 1 : colonne « canal » manquante');
  });

  it('lit les heures saisies comme des heures Excel', async () => {
    const scenario = shipped();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Chronogramme');
    sheet.addRow(header.split(','));
    sheet.addRow([new Date(Date.UTC(1899, 11, 30, 1, 30)), 'medias', 'ars', 'Courriel', 'Objet', 'Texte', 'Répondre', 'communication']);
    sheet.addRow([0.5, 'medias', 'ars', 'Courriel', 'Objet', 'Texte', 'Répondre', 'communication']);
    const result = await importChronogramme(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx', scenario);
    if (!result.ok) expect.fail(result.errors.join('\n'));
    expect(result.stimuli.map((s) => s.offset)).toEqual(['01:30', '12:00']);
  });

  it('conserve « | » dans les textes des réactions attendues', () => {
    const scenario = shipped();
    const stimulus = { ...scenario.chronogramme[0]!, expectedActions: [{ id: 'S01-r1', label: 'Choisir A | B', criterion: 'Choix | tracé', objective: 'alerte' }] };
    const back = sheetToStimuli(stimuliToSheet([stimulus], scenario), scenario);
    expect(back.ok && back.stimuli[0]?.expectedActions).toEqual(stimulus.expectedActions);
  });
});

describe('le type de stimulus comme les kits régionaux l’écrivent', () => {
  it('lit « Stimulus » comme un stimulus prévu, à côté de « contingence » et « info »', async () => {
    const { stimulusTypeOf } = await import('../../shared/exercise/scenario-sheet-columns.js');
    expect(['Stimulus', 'stimuli', 'Prévu', 'Contingence', 'info', 'rumeur'].map(stimulusTypeOf)).toEqual(['prevu', 'prevu', 'prevu', 'contingence', 'information', null]);
  });
});

describe('plusieurs objectifs par ligne et critère d’évaluation (kits régionaux)', () => {
  const kitHeader = `${header},critère d’évaluation`;

  it('« O1,O2 » et « O1 ; O2 » servent les deux objectifs, et la colonne critère est gardée à l’aller-retour', async () => {
    const scenario = shipped();
    const rows = [
      '00:10,ght-direction,ars,mail,Alerte,Le GHT appelle,Alerter le préfet,"alerte,communication",Préfet alerté avant T+30',
      '00:20,ght-direction,ars,mail,Point,Le GHT rappelle,Faire un point | objectif : articulation ; offre-soins,,',
    ];
    const imported = await importChronogramme(Buffer.from([kitHeader, ...rows].join('\n')), 'csv', scenario);
    if (!imported.ok) expect.fail(imported.errors.join('\n'));
    expect(imported.warnings).toEqual([]);
    const [first, second] = imported.stimuli;
    expect(first?.expectedActions[0]).toMatchObject({ objective: 'alerte', objectiveIds: ['alerte', 'communication'] });
    expect(first?.evaluationCriterion).toBe('Préfet alerté avant T+30');
    expect(second?.expectedActions[0]).toMatchObject({ objective: 'articulation', objectiveIds: ['articulation', 'offre-soins'] });
    expect(second?.evaluationCriterion).toBeUndefined();

    for (const format of ['csv', 'xlsx'] as const) {
      const file = await exportChronogramme(imported.stimuli, scenario, format);
      const table = await readSheetTable(file, format);
      expect(table.rows[0]?.values[table.headers.indexOf('objectif')]).toBe('alerte, communication');
      expect(table.rows[0]?.values[table.headers.indexOf('critère d’évaluation')]).toBe('Préfet alerté avant T+30');
      const back = await importChronogramme(file, format, scenario);
      if (!back.ok) expect.fail(back.errors.join('\n'));
      expect(back.stimuli).toEqual(imported.stimuli);
    }
  });

  it('un scénario dont une réaction sert deux objectifs les couvre tous les deux', () => {
    const data = shippedData();
    const i = data.chronogramme.findIndex((s) => s.expectedActions.length > 0);
    data.chronogramme[i]!.expectedActions[0]!.objectiveIds = [data.chronogramme[i]!.expectedActions[0]!.objective, 'pas-un-objectif'];
    const result = validateScenario(data);
    expect(result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([`chronogramme[${i}].expectedActions[0].objectiveIds[1]: objectif inconnu « pas-un-objectif »`]);
  });
});
