import { z } from 'zod';

/** The REST contract of the exercise (`server/exercise/routes.ts`), under `/api`. */

/** A shipped scenario as the room-creation form lists it: titles only, nothing of the animator kit. */
export const ScenarioSummary = z.object({ id: z.string(), title: z.string(), level: z.string(), stimuli: z.number().int().nonnegative() });
export type ScenarioSummary = z.infer<typeof ScenarioSummary>;

/** `GET /scenarios` (no token). */
export const ScenarioListResponse = z.object({ scenarios: z.array(ScenarioSummary) });
export type ScenarioListResponse = z.infer<typeof ScenarioListResponse>;
