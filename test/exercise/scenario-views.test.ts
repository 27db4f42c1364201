import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../shared/exercise/scenario.js';
import { validateScenario } from '../../shared/exercise/scenario-load.js';
import { fillInvitation } from '../../shared/exercise/scenario-kit.js';
import { directorView, evaluatorView, EvaluatorScenarioView, PlayerScenarioView, playerView } from '../../shared/exercise/scenario-views.js';
import { shippedData } from './scenario-fixtures.js';

function valid(data: Scenario): Scenario {
  const result = validateScenario(data);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.scenario;
}

/** Every text the animation team keeps secret from players. */
function secretsOf(scenario: Scenario): string[] {
  const fromStimuli = scenario.chronogramme.flatMap((s) => [
    s.subject,
    s.content,
    s.animatorNotes ?? '',
    ...(s.attachments ?? []).map((a) => a.dataBase64),
    ...s.expectedActions.flatMap((a) => [a.label, a.criterion]),
  ]);
  const fromGrid = scenario.kit.observerKit.grid.flatMap((g) => g.criteria.map((c) => c.label));
  return [...fromStimuli, ...fromGrid, scenario.kit.observerKit.instructions, scenario.kit.communicationKit.invitationTemplate].filter((text) => text.length >= 12);
}

/** Plants a marker in every secret field, so a leak of any of them is caught even if texts change. */
function seeded(): Scenario {
  const data = shippedData();
  data.chronogramme.forEach((s, i) => {
    s.subject = `SEED-CHRONO-${i} ${s.subject}`;
    s.content = `SEED-CHRONO-${i} ${s.content}`;
    s.animatorNotes = `SEED-NOTE-${i}`;
    s.expectedActions.forEach((a, j) => {
      a.label = `SEED-ACTION-${i}-${j}`;
      a.criterion = `SEED-CRITERION-${i}-${j}`;
    });
  });
  data.kit.observerKit.grid.forEach((g, i) =>
    g.criteria.forEach((c, j) => {
      c.label = `SEED-GRID-${i}-${j}`;
    }),
  );
  data.kit.observerKit.instructions = 'SEED-OBSERVER';
  data.kit.communicationKit.invitationTemplate = 'SEED-INVITATION {{nom}}';
  return valid(data);
}

describe('le scénario découpé par public', () => {
  it('la vue joueurs ne contient rien du chronogramme, des réactions attendues, des notes ni de la grille', () => {
    const scenario = valid(shippedData());
    // Secrets are compared in their JSON-escaped form, as they would travel in an event.
    const secrets = secretsOf(scenario).map((text) => JSON.stringify(text).slice(1, -1));
    const leaksIn = (view: unknown) => secrets.filter((secret) => JSON.stringify(view).includes(secret));
    expect(leaksIn(playerView(scenario))).toEqual([]);
    // Control: the same search finds every secret in the director's view.
    expect(leaksIn(directorView(scenario))).toHaveLength(secrets.length);
    expect(secrets.length).toBeGreaterThan(100);
  });

  it('aucun marqueur planté dans les champs secrets n’atteint les joueurs', () => {
    const view = JSON.stringify(playerView(seeded()));
    expect(view).not.toMatch(/SEED-/);
  });

  it('la vue évaluateurs ajoute la grille mais jamais le chronogramme', () => {
    const view = JSON.stringify(evaluatorView(seeded()));
    expect(view).toMatch(/SEED-GRID-0-0/);
    expect(view).toMatch(/SEED-OBSERVER/);
    expect(view).not.toMatch(/SEED-(CHRONO|NOTE|ACTION|CRITERION|INVITATION)/);
  });

  it('les vues gardent ce dont les joueurs ont besoin et respectent leurs schémas', () => {
    const scenario = valid(shippedData());
    const player = playerView(scenario);
    expect(player.briefing).toBe(scenario.briefing);
    expect(player.playerKit).toEqual(scenario.kit.playerKit);
    expect(player.simulatedActors).toEqual(scenario.simulatedActors.map(({ id, label }) => ({ id, label })));
    // The simulated time of day at DEBEX is not secret: the briefing says it, the header shows it beside T+.
    expect(player.simulatedStart).toBe('08:00');
    expect(Object.keys(player).sort()).toEqual(['briefing', 'careOffer', 'cells', 'id', 'level', 'objectives', 'playerKit', 'rules', 'simulatedActors', 'simulatedStart', 'title']);
    expect(PlayerScenarioView.strict().safeParse(player).success).toBe(true);
    expect(EvaluatorScenarioView.strict().safeParse(evaluatorView(scenario)).success).toBe(true);
    expect(directorView(scenario)).toBe(scenario);
  });
});

describe('kit de communication', () => {
  it('remplit le modèle d’invitation du scénario livré', () => {
    const template = valid(shippedData()).kit.communicationKit.invitationTemplate;
    const text = fillInvitation(template, { nom: 'Claire Martin', role: 'joueuse', cellule: 'ARS Normandie', lien: 'https://salle.example/j/abc', titre: 'Exercice Eure', date: '12 mars' });
    expect(text).toContain('Bonjour Claire Martin,');
    expect(text).toContain('https://salle.example/j/abc');
    expect(text).not.toMatch(/\{\{/);
    expect(fillInvitation('{{nom}} / {{date}}', { nom: 'A' })).toBe('A / {{date}}');
  });
});
