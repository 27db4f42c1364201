import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText } from '../../shared/exercise/scenario-json-schema.js';
import { loadScenario, parseScenario, serializeScenario, validateScenario } from '../../shared/exercise/scenario-load.js';
import { repoRoot, shippedData, shippedFile } from './scenario-fixtures.js';

const run = promisify(execFile);

describe('chargement JSON et YAML', () => {
  it('le même scénario se lit à l’identique en YAML et en JSON', () => {
    const json = readFileSync(shippedFile, 'utf8');
    const fromJson = loadScenario(json, 'json');
    const fromYaml = loadScenario(serializeScenario(JSON.parse(json), 'yaml'), 'yaml');
    expect(fromJson.ok && fromYaml.ok).toBe(true);
    if (fromJson.ok && fromYaml.ok) expect(fromYaml.scenario).toEqual(fromJson.scenario);
  });

  it('en YAML, des horaires et des dates non guillemetés restent du texte', () => {
    const yaml = serializeScenario(shippedData(), 'yaml').replace("offset: '00:05'", 'offset: 00:05').replace("finex: '03:00'", 'finex: 03:00');
    const result = loadScenario(`${yaml}\n`, 'yaml');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario.finex).toBe('03:00');
  });

  it('une erreur de syntaxe donne sa ligne', () => {
    const yaml = loadScenario('id: test\ntitle: [non fermé\nlevel: debutant\n', 'yaml');
    expect(yaml.ok ? '' : yaml.errors[0]?.message).toMatch(/^YAML invalide, ligne \d+, colonne \d+/);
    const json = loadScenario('{\n  "id": "test"\n  "title": "x"\n}\n', 'json');
    expect(json.ok ? '' : json.errors[0]?.message).toMatch(/^JSON invalide, ligne 3, colonne 3 :/);
  });

  it('parseScenario refuse avec une erreur de domaine qui cite les chemins', () => {
    const data = shippedData();
    data.chronogramme[0]!.offset = 'midi';
    expect(() => parseScenario(data)).toThrow(/chronogramme\[0\]\.offset: format « HH:MM »/);
  });

  it('les FINESS doivent exister dans la région quand on la connaît', () => {
    const data = shippedData();
    data.chronogramme[0]!.careMapEffects![0]!.finess = '750000010';
    const known = new Set(['270000359', '270000458', '270000045', '270000441', '270000391', '760000158']);
    const result = validateScenario(data, { knownFiness: known });
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['chronogramme[0].careMapEffects[0].finess']);
  });

  it('une condition sur un type d’événement inconnu de la salle est signalée', () => {
    const result = validateScenario(shippedData(), { knownEventTypes: ['careMap.basculeSet'] });
    expect(result.ok && result.warnings.map((w) => w.path)).toEqual(['chronogramme[5].condition.eventType']);
  });
});

describe('npm run scenario:check', () => {
  const check = (file: string) =>
    run('npx', ['tsx', 'scripts/scenario-check.ts', file], { cwd: repoRoot }).then(
      (out) => ({ code: 0, ...out }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it('sort en 0 avec un résumé sur le scénario livré', async () => {
    const result = await check('scenarios/cyber-ght-samu-normandie.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ .*« Cyberattaque sur un GHT avec impact sur le Samu.* — 34 stimuli, durée 03:00/);
  });

  it('sort en 1 sur un scénario fautif, nomme chaque valeur refusée et groupe une même cause', async () => {
    const data = shippedData();
    (data.chronogramme[2] as { channel: string }).channel = 'pigeon';
    data.chronogramme[4]!.sender = 'samu-fantome';
    data.chronogramme[7]!.sender = 'samu-fantome';
    data.simulatedActors[1]!.label = data.simulatedActors[0]!.label;
    const file = join(mkdtempSync(join(tmpdir(), 'scenario-')), 'fautif.json');
    writeFileSync(file, JSON.stringify(data));
    const result = await check(file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('4 erreur(s), 3 cause(s)');
    expect(result.stderr).toMatch(/chronogramme\[2\]\.channel: « pigeon » inconnu, attendu : mail, telephone, .*visio, note/);
    expect(result.stderr).toContain('émetteur inconnu « samu-fantome » : ce doit être un des acteurs simulés — 2 endroits :\n      chronogramme[4].sender\n      chronogramme[7].sender');
    expect(result.stderr).toMatch(/simulatedActors\[1\]\.label: libellé en double « Direction du CH Eure-Seine/);
  });

  it('sort en 1 et préfixe chaque erreur de son chemin', async () => {
    const data = shippedData();
    data.chronogramme[12]!.offset = '1h05';
    data.chronogramme[3]!.recipients = ['cod-zone'];
    data.chronogramme[0]!.careMapEffects![0]!.finess = '750000010';
    const file = join(mkdtempSync(join(tmpdir(), 'scenario-')), 'casse.yaml');
    writeFileSync(file, serializeScenario(data, 'yaml'));
    const result = await check(file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('chronogramme[12].offset: format « HH:MM » ou « HH:MM:SS » attendu, reçu « 1h05 »');
    expect(result.stderr).toContain('chronogramme[3].recipients[0]: cellule destinataire inconnue « cod-zone »');
  });

  it('vérifie les FINESS contre les données de la région', async () => {
    const data = shippedData();
    data.chronogramme[0]!.careMapEffects![0]!.finess = '750000010';
    const file = join(mkdtempSync(join(tmpdir(), 'scenario-')), 'finess.json');
    writeFileSync(file, serializeScenario(data, 'json'));
    const result = await check(file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('chronogramme[0].careMapEffects[0].finess: FINESS inconnu « 750000010 »');
  });
});

describe('schéma JSON', () => {
  it('docs/scenario.schema.json est à jour (npm run scenario:schema)', () => {
    const committed = readFileSync(join(repoRoot, 'docs/scenario.schema.json'), 'utf8');
    expect(committed).toBe(scenarioJsonSchemaText());
  });

  it('décrit les champs principaux du format', () => {
    const schema = JSON.parse(scenarioJsonSchemaText()) as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'level', 'objectives', 'chronogramme', 'kit']));
    expect(Object.keys(schema.properties)).toContain('alertChain');
  });
});
