import { z } from 'zod';
import { ScenarioExpectedAction } from '../decisions/scenario.js';
import { limits } from '../core/limits.js';
import { CellId } from '../core/roles.js';
import { ActorId, AlertChainTemplate } from '../alert-chain/template.js';
import { CareOfferScenario } from '../care-map/scenario.js';
import { ExerciseKit } from './scenario-kit.js';
import { Offset } from './scenario-offset.js';
import { ObjectiveId, Stimulus } from './scenario-stimulus.js';
import { checkScenario } from './scenario-checks.js';
import { SimulatedStart } from '../core/clock-labels.js';

/**
 * The exercise scenario: what players are told (briefing, rules, player kit), what the animation team plays
 * (the chronogramme of stimuli) and how the exercise is evaluated (observer kit). One file per exercise
 * under `scenarios/`, validated by `npm run scenario:check`. See docs/scenarios.md.
 */

export const ScenarioLevel = z.enum(['debutant', 'intermediaire', 'confirme']);
export type ScenarioLevel = z.infer<typeof ScenarioLevel>;

/** The ANS kits' three maturity levels. */
export const scenarioLevelLabels: Record<ScenarioLevel, string> = {
  debutant: 'Débutant',
  intermediaire: 'Intermédiaire',
  confirme: 'Confirmé',
};

const markdown = z.string().min(1).max(limits.maxTextLength);
const label = z.string().min(1).max(limits.maxTitleLength);

export const Objective = z.strictObject({ id: ObjectiveId, label, description: z.string().min(1).max(2000) });
export type Objective = z.infer<typeof Objective>;

/** A cell played by participants (`ars`, `prefecture`, …). */
export const ScenarioCell = z.strictObject({ id: CellId, label });
export type ScenarioCell = z.infer<typeof ScenarioCell>;

/** An actor the animation team plays (the GHT, the Samu, CERT Santé, the press…): the sender of stimuli. */
export const SimulatedActor = z.strictObject({ id: ActorId, label, description: z.string().min(1).max(2000) });
export type SimulatedActor = z.infer<typeof SimulatedActor>;

/**
 * The care offer at DEBEX: the region whose establishments the map shows, fictional sites, starting statuses
 * and assumed GHT memberships. The care-map domain owns the shape; a scenario rejects unknown fields in it.
 */
export const CareOffer = CareOfferScenario.strict();
export type CareOffer = z.infer<typeof CareOffer>;

/** The scenario's fields, without the cross-field checks (for `.pick`, `.shape` and documentation). */
export const ScenarioFields = z.strictObject({
  /** Lets editors find docs/scenario.schema.json; ignored by the room. */
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'identifiant de scénario attendu (a-z, 0-9, -)'),
  title: label,
  level: ScenarioLevel,
  objectives: z.array(Objective).min(1, 'au moins un objectif'),
  /** Shown to players at DEBEX (dossier de mise en situation). */
  briefing: markdown,
  /** Règles du jeu. */
  rules: markdown,
  cells: z.array(ScenarioCell).min(2),
  simulatedActors: z.array(SimulatedActor).min(1, 'au moins un acteur simulé'),
  /** Absent: the default ORSAN Cyber alert chain. */
  alertChain: AlertChainTemplate.optional(),
  careOffer: CareOffer,
  /** The rhythm of points de situation the animation expects (« toutes les 2 h à partir de 01:00 »). */
  pointsDeSituation: z
    .strictObject({
      everyMinutes: z
        .number()
        .int()
        .min(15)
        .max(24 * 60),
      from: Offset,
    })
    .optional(),
  /**
   * The simulated time of day at DEBEX (`"08:00"`): the screens show it beside T+ (« T+00:50:00 · 08 h 50
   * (simulée) »). Absent: the scenario has no time of day, only exercise time.
   */
  simulatedStart: SimulatedStart.optional(),
  /** Planned FINEX, from DEBEX; absent: the last stimulus ends the chronogramme. */
  finex: Offset.optional(),
  chronogramme: z.array(Stimulus).min(1, 'le chronogramme doit contenir au moins un stimulus'),
  kit: ExerciseKit,
  /** Actions the animation expects, put on the decisions board at room creation (shared/decisions/scenario.ts). */
  expectedActions: z.array(ScenarioExpectedAction).max(50).optional(),
});

/** A scenario, with every reference checked (senders, recipients, objectives, grid, ids). */
export const Scenario = ScenarioFields.superRefine(checkScenario);
export type Scenario = z.infer<typeof Scenario>;
