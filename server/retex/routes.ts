import { Router } from 'express';
import type { FeatureContext } from '../feature.js';
import { requireOperator } from '../http/operator.js';
import { roomSessions } from '../http/room-session.js';
import { directorInvitation } from '../http/rooms-routes.js';
import { buildArchive, parseVerifiedArchive } from './archive.js';
import { crisisToScenarioDraft } from '../../shared/retex/clone.js';
import type { ArchiveImportResponse, RoomArchiveResponse, ScenarioDraftResponse } from '../../shared/retex/rest.js';

/** RETEX exports: the room archive (director), and its import into another instance as a read-only room (operator). */
export function retexRoutes(server: Pick<FeatureContext, 'rooms' | 'access' | 'store' | 'config' | 'operatorToken' | 'url'>): Router {
  const router = Router();
  const { directorSession } = roomSessions(server);

  router.get('/rooms/:roomId/archive', async (req, res) => {
    const { runtime } = await directorSession(req);
    const archive = await buildArchive(server.store, runtime);
    res.setHeader('content-disposition', `attachment; filename="orsan-room-${runtime.id}.json"`);
    res.json(archive satisfies RoomArchiveResponse);
  });

  router.get('/rooms/:roomId/scenario-draft', async (req, res) => {
    const { runtime } = await directorSession(req);
    const events = await server.store.events.read(runtime.id);
    const draft = crisisToScenarioDraft(runtime.state, events, `exercice-${runtime.id}`);
    res.setHeader('content-disposition', `attachment; filename="exercice-${runtime.id}.json"`);
    res.json(draft satisfies ScenarioDraftResponse);
  });

  router.post('/archives', async (req, res) => {
    const operator = await requireOperator(req, server.operatorToken, server.access);
    const archive = parseVerifiedArchive(req.body);
    await server.store.events.importRoom(archive.room.id, archive.events, Date.now(), archive.chainSalt);
    for (const [name, base64] of Object.entries(archive.docs)) {
      const state = Buffer.from(base64, 'base64');
      if (state.length > 0) await server.store.docs.appendUpdate(archive.room.id, name, new Uint8Array(state));
    }
    const runtime = await server.rooms.get(archive.room.id);
    const director = await directorInvitation(server.access, runtime, server.url(), 'Archive importée', { operator });
    res.status(201).json({ roomId: runtime.id, readOnly: true, events: archive.events.length, ...director } satisfies ArchiveImportResponse);
  });

  return router;
}
