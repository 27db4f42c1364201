import { z } from 'zod';
import { RoomEvent } from '../core/events.js';
import { computedBody } from '../core/rest.js';
import type { Scenario } from '../exercise/scenario.js';
import { RoomArchive } from './archive.js';
import type { RetexReport } from './report.js';

/**
 * The REST contract of the RETEX (`server/retex/report-routes.ts`, `server/retex/routes.ts`), under `/api`.
 * The Markdown and CSV exports are text downloads named by `content-disposition`, not JSON bodies.
 */

/** `GET /rooms/:roomId/report`: built by `buildReport` for the caller's RETEX audience. */
export const RetexReportResponse = computedBody<RetexReport>();
export type RetexReportResponse = z.infer<typeof RetexReportResponse>;

/** `GET /rooms/:roomId/events`: every event the caller may see, in log order (the replay rebuilds from them). */
export const RoomEventsResponse = z.object({ events: z.array(RoomEvent) });
export type RoomEventsResponse = z.infer<typeof RoomEventsResponse>;

/** `GET /rooms/:roomId/archive` (director): the sealed archive, also the body `POST /archives` takes. */
export const RoomArchiveResponse = RoomArchive;
export type RoomArchiveResponse = RoomArchive;

/** `GET /rooms/:roomId/scenario-draft` (director): a crisis turned into an exercise scenario to edit. */
export const ScenarioDraftResponse = computedBody<Scenario>();
export type ScenarioDraftResponse = z.infer<typeof ScenarioDraftResponse>;

/** `POST /archives` (operator) → 201: the imported room, read-only, and an invitation for its director. */
export const ArchiveImportResponse = z.object({
  roomId: z.string(),
  readOnly: z.literal(true),
  events: z.number().int().nonnegative(),
  directorCode: z.string().nullable(),
  directorSignInUrl: z.string().nullable(),
  directorUrl: z.string(),
});
export type ArchiveImportResponse = z.infer<typeof ArchiveImportResponse>;
