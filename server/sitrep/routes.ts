import { Router } from 'express';
import * as Y from 'yjs';
import { fragmentToText } from '../../shared/comms/text.js';
import { notFound } from '../../shared/core/errors.js';
import { sitrepToMarkdown } from '../../shared/sitrep/markdown.js';
import { findPoint, SitrepNumber, sitrepDocName, sitrepFragmentName } from '../../shared/sitrep/state.js';
import type { FeatureContext } from '../feature.js';
import { roomSessions } from '../http/room-session.js';
import { establishmentNamesFor } from '../care-map/establishment-names.js';

/**
 * `GET /api/rooms/:roomId/sitreps/:n.md`: a point de situation as Markdown (the shared renderer), for everyone
 * in the room (points are visible to all). A point not yet frozen carries its summary as stored so far.
 */
export function sitrepRoutes(server: Pick<FeatureContext, 'rooms' | 'access' | 'store' | 'config'>): Router {
  const router = Router();
  const { roomSession } = roomSessions(server);
  // Without the region's files the export still goes out, naming sites by FINESS.
  const establishmentNames = establishmentNamesFor(server.config.SCENARIOS_DIR);

  router.get('/rooms/:roomId/sitreps/:file', async (req, res) => {
    const { runtime } = await roomSession(req);
    const match = /^([0-9]{1,5})\.md$/.exec(req.params.file);
    const n = SitrepNumber.safeParse(match ? Number(match[1]) : NaN);
    const state = runtime.state;
    const point = n.success ? findPoint(state.sitrep, n.data) : undefined;
    if (!point) throw notFound('Point de situation introuvable.');
    const names = await establishmentNames(state.careMap.region);
    const draftText = point.frozen ? '' : await storedText(server, runtime.id, point.n);
    const cells = new Map(state.room.cells.map((c) => [c.id, c.label]));
    const markdown = sitrepToMarkdown(point, { roomTitle: state.room.title, mode: state.room.mode, clock: state.clock, nameOf: (f) => names?.(f), cellLabel: (c) => cells.get(c) ?? c }, draftText);
    res.type('text/markdown; charset=utf-8').setHeader('content-disposition', `attachment; filename="point-de-situation-${point.n}-${runtime.id}.md"`);
    res.send(markdown);
  });

  return router;
}

/** The summary as stored (every update is durable before anyone sees it). */
async function storedText(server: Pick<FeatureContext, 'store'>, roomId: string, n: number): Promise<string> {
  const doc = new Y.Doc();
  for (const update of await server.store.docs.loadUpdates(roomId, sitrepDocName(n))) Y.applyUpdate(doc, update);
  return fragmentToText(doc.getXmlFragment(sitrepFragmentName));
}
