import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/care-map/csv.js';
import { establishmentColumns, loadEstablishments } from '../../shared/care-map/load-establishments.js';
import { loadBoundaries } from '../../shared/care-map/load-geojson.js';
import { loadGhtList, loadSamuCentres } from '../../shared/care-map/load-reference.js';
import { regionFile } from './harness.js';

describe('shipped Normandie establishments', () => {
  const { establishments, issues } = loadEstablishments(regionFile('normandie/etablissements-sante-normandie.csv'), {
    source: 'etablissements-sante-normandie.csv',
    layer: 'region',
  });

  it('loads all 196 establishments without a single issue', () => {
    expect(issues).toEqual([]);
    expect(establishments).toHaveLength(196);
    expect(new Set(establishments.map((e) => e.departement))).toEqual(new Set(['14', '27', '50', '61', '76']));
    expect(establishments.every((e) => e.region === '28' && e.layer === 'region')).toBe(true);
  });

  it('finds the 6 Normandie Samu: Caen, Évreux, Saint-Lô, Alençon, Le Havre, Rouen', () => {
    const samus = establishments.filter((e) => e.samu);
    expect(samus.map((e) => e.finess).sort()).toEqual(['140000209', '270000359', '500000450', '610000051', '760000158', '760805770']);
    expect(samus.every((e) => e.kind === 'samu')).toBe(true);
  });

  it('reads flags, kinds, coordinates and quoted labels', () => {
    expect(establishments.filter((e) => e.urgences)).toHaveLength(40);
    expect(establishments.filter((e) => e.smur)).toHaveLength(33);
    expect(establishments.filter((e) => e.geoPrecision === 'centroide_commune')).toHaveLength(46);
    const bourgAchard = establishments.find((e) => e.finess === '270000482');
    expect(bourgAchard).toMatchObject({ categorie: 'Centre hospitalier, ex Hôpital local', kind: 'hopital', lat: 49.35, lon: 0.81441 });
    const bayeux = establishments.find((e) => e.finess === '140024886');
    expect(bayeux).toMatchObject({ urgences: true, urgencesType: 'GEN', smur: true, samu: false, statut: 'public' });
  });
});

describe('shipped national layer', () => {
  it('loads the 672 geolocated emergency, SMUR and Samu sites and reports the 17 without coordinates', () => {
    const { establishments, issues } = loadEstablishments(regionFile('france/urgences-smur-samu-france.csv'), {
      source: 'urgences-smur-samu-france.csv',
      layer: 'national',
    });
    expect(establishments).toHaveLength(672);
    expect(issues).toHaveLength(17);
    expect(issues.every((i) => i.reason === 'coordonnées manquantes' && i.finess !== null && i.line !== null)).toBe(true);
    expect(issues[0]?.message).toMatch(/^urgences-smur-samu-france\.csv : ligne \d+ \(FINESS [0-9AB]{9}\) : coordonnées manquantes$/);
  });

  it('loads the Centre 15 list (one Samu without coordinates) and the GHT list, 11 in Normandie', () => {
    const samu = loadSamuCentres(regionFile('france/samu-centres15-france.csv'), 'samu-centres15-france.csv');
    expect(samu.samus).toHaveLength(100);
    expect(samu.issues.map((i) => i.finess)).toEqual(['2A0004842']);
    const ght = loadGhtList(regionFile('france/ght-liste-2023.csv'), 'ght-liste-2023.csv');
    // The SAE file has one mangled code (Martinique's « mars-02 », a spreadsheet date conversion): reported, not guessed.
    expect(ght.issues.map((i) => i.message)).toEqual(['ght-liste-2023.csv : ligne 87 : code GHT invalide « mars-02 » (attendu : ex. NOR-04)']);
    expect(ght.ghts).toHaveLength(134);
    expect(ght.ghts.filter((g) => g.regionCode === '28').map((g) => g.code)).toEqual(Array.from({ length: 11 }, (_, i) => `NOR-${String(i + 1).padStart(2, '0')}`));
  });

  it('validates the shipped boundaries', () => {
    const departements = loadBoundaries(regionFile('normandie/departements-normandie.geojson'), 'departements-normandie.geojson');
    expect(departements.issues).toEqual([]);
    expect(departements.boundaries?.features.map((f) => f.properties.nom)).toEqual(['Calvados', 'Eure', 'Manche', 'Orne', 'Seine-Maritime']);
    const regions = loadBoundaries(regionFile('france/regions-metropole.geojson'), 'regions-metropole.geojson');
    expect(regions.issues).toEqual([]);
    expect(regions.boundaries?.features).toHaveLength(13);
  });
});

const header = establishmentColumns.join(',');
const good = '140000000,140000001,CH TEST,355,Centre Hospitalier (C.H.),public,1 RUE,14000,CAEN,14118,14,28,49.18,-0.37,adresse_finess_2020,1,GEN,1,0';
const withCells = (changes: Record<number, string>) =>
  good
    .split(',')
    .map((cell, i) => changes[i] ?? cell)
    .join(',');

describe('bad establishment rows', () => {
  const cases: Array<[string, string, string]> = [
    ['missing coordinates', withCells({ 12: '', 13: '' }), 'ligne 2 (FINESS 140000000) : coordonnées manquantes'],
    ['one coordinate missing', withCells({ 13: '' }), 'ligne 2 (FINESS 140000000) : coordonnée manquante (lon)'],
    ['non-numeric coordinates', withCells({ 12: 'nord', 13: '-0.37' }), 'ligne 2 (FINESS 140000000) : coordonnées invalides (lat « nord », lon « -0.37 »)'],
    ['latitude out of range', withCells({ 12: '149.18' }), 'ligne 2 (FINESS 140000000) : coordonnées invalides (lat « 149.18 », lon « -0.37 »)'],
    ['unknown FINESS category', withCells({ 3: '999' }), 'ligne 2 (FINESS 140000000) : catégorie FINESS inconnue « 999 »'],
    ['malformed FINESS', withCells({ 0: '14000' }), 'ligne 2 (FINESS 14000) : numéro FINESS invalide'],
    ['bad flag', withCells({ 15: 'oui' }), 'ligne 2 (FINESS 140000000) : valeur 0 ou 1 attendue pour « urgences »'],
    ['missing name', withCells({ 2: '' }), 'ligne 2 (FINESS 140000000) : nom manquant'],
    ['bad département', withCells({ 10: '140' }), 'ligne 2 (FINESS 140000000) : département invalide'],
    ['too few columns', good.split(',').slice(0, 17).join(','), 'ligne 2 (FINESS 140000000) : 17 colonnes au lieu de 19 ; valeur 0 ou 1 attendue pour « smur » ; valeur 0 ou 1 attendue pour « samu »'],
    ['several problems at once', withCells({ 3: '999', 12: '', 13: '' }), 'ligne 2 (FINESS 140000000) : catégorie FINESS inconnue « 999 » ; coordonnées manquantes'],
  ];

  it.each(cases)('%s → a clear error, the row left out', (_name, row, expected) => {
    const { establishments, issues } = loadEstablishments(`${header}\n${row}\n`, { source: 'test.csv', layer: 'region' });
    expect(establishments).toEqual([]);
    expect(issues.map((i) => i.message)).toEqual([`test.csv : ${expected}`]);
  });

  it('keeps the good rows around a bad one and reports duplicates with the first line', () => {
    const second = withCells({ 0: '140000018', 12: '', 13: '' });
    const text = [header, good, second, good, withCells({ 0: '140000026' })].join('\r\n');
    const { establishments, issues } = loadEstablishments(text, { source: 'test.csv', layer: 'region' });
    expect(establishments.map((e) => e.finess)).toEqual(['140000000', '140000026']);
    expect(issues.map((i) => [i.line, i.reason])).toEqual([
      [3, 'coordonnées manquantes'],
      [4, 'FINESS en double (déjà ligne 2)'],
    ]);
  });

  it('reports missing columns once and loads nothing', () => {
    const text = `${header.replace(',lat,lon', '')}\n${good}`;
    const { establishments, issues } = loadEstablishments(text, { source: 'test.csv', layer: 'region' });
    expect(establishments).toEqual([]);
    expect(issues.map((i) => i.message)).toEqual(['test.csv : ligne 1 : colonnes manquantes : lat, lon']);
  });

  it('counts lines across quoted line breaks', () => {
    const multiline = withCells({ 4: '"Centre\nhospitalier"' });
    const bad = withCells({ 0: '140000018', 3: '999' });
    const { establishments, issues } = loadEstablishments(`\uFEFF${header}\n${multiline}\n${bad}\n`, { source: 't.csv', layer: 'region' });
    expect(establishments[0]?.categorie).toBe('Centre\nhospitalier');
    expect(issues[0]?.line).toBe(4);
    expect(parseCsv('a,b\n"x ""y""",z\n').records[0]?.cells).toEqual(['x "y"', 'z']);
  });
});

describe('malformed GeoJSON', () => {
  const square = [
    [
      [0, 49],
      [1, 49],
      [1, 50],
      [0, 49],
    ],
  ];
  const collection = (geometry: unknown, properties: unknown = { code: '14', nom: 'Calvados' }) => JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties, geometry }] });
  const cases: Array<[string, string, string]> = [
    ['not JSON', '{"type": "FeatureCollection",', 'b.geojson : JSON invalide'],
    ['a single Feature', JSON.stringify({ type: 'Feature', properties: {}, geometry: null }), 'b.geojson : type : FeatureCollection attendue'],
    ['no features', JSON.stringify({ type: 'FeatureCollection', features: [] }), 'b.geojson : features : aucune entité'],
    ['a Point', collection({ type: 'Point', coordinates: [0, 49] }), 'b.geojson : features[0].geometry'],
    [
      'an open ring',
      collection({
        type: 'Polygon',
        coordinates: [
          [
            [0, 49],
            [1, 49],
            [1, 50],
            [0, 50],
          ],
        ],
      }),
      'anneau non fermé',
    ],
    [
      'a short ring',
      collection({
        type: 'Polygon',
        coordinates: [
          [
            [0, 49],
            [1, 49],
            [0, 49],
          ],
        ],
      }),
      'un anneau a au moins 4 positions',
    ],
    [
      'latitude out of range',
      collection({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 49],
              [1, 99],
              [1, 50],
              [0, 49],
            ],
          ],
        ],
      }),
      'features[0].geometry.coordinates[0][0][1] : position hors des limites WGS84',
    ],
    ['no name', collection({ type: 'Polygon', coordinates: square }, { code: '14' }), 'features[0].properties.nom : propriété « nom » (texte) attendue'],
  ];

  it.each(cases)('%s → rejected with a pointed error', (_name, text, expected) => {
    const { boundaries, issues } = loadBoundaries(text, 'b.geojson');
    expect(boundaries).toBeNull();
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => i.message).join('\n')).toContain(expected);
  });

  it('accepts a valid polygon', () => {
    expect(loadBoundaries(collection({ type: 'Polygon', coordinates: square }), 'b.geojson').issues).toEqual([]);
  });
});
