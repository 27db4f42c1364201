import { Router } from 'express';
import { DomainError } from '../../shared/core/errors.js';
import type { FeatureContext } from '../feature.js';
import { bearerToken } from '../http/errors.js';
import { joinUrl } from '../http/rooms-routes.js';
import { sameSecret } from '../access/secrets.js';
import { buildArchive, parseVerifiedArchive } from './archive.js';
import { crisisToScenarioDraft } from '../../shared/retex/clone.js';

/** RETEX exports: the room archive (director), and its import into another instance as a read-only room (operator). */
export function retexRoutes(server: Pick<FeatureContext, 'rooms' | 'access' | 'store' | 'config' | 'operatorToken' | 'url'>): Router {
  const router = Router();

  router.get('/rooms/:roomId/archive', async (req, res) => {
    await server.access.authenticateDirector(bearerToken(req), req.params.roomId);
    const runtime = await server.rooms.get(req.params.roomId);
    const archive = await buildArchive(server.store, runtime);
    res.setHeader('content-disposition', `attachment; filename="orsan-room-${runtime.id}.json"`);
    res.json(archive);
  });

  router.get('/rooms/:roomId/scenario-draft', async (req, res) => {
    await server.access.authenticateDirector(bearerToken(req), req.params.roomId);
    const runtime = await server.rooms.get(req.params.roomId);
    const events = await server.store.events.read(runtime.id);
    const draft = crisisToScenarioDraft(runtime.state, events, `exercice-${runtime.id}`);
    res.setHeader('content-disposition', `attachment; filename="exercice-${runtime.id}.json"`);
    res.json(draft);
  });

  router.post('/archives', async (req, res) => {
    const token = bearerToken(req);
    if (!token || !sameSecret(token, server.operatorToken)) throw new DomainError('unauthorized', "Jeton d'opérateur requis.");
    const archive = parseVerifiedArchive(req.body);
    await server.store.events.importRoom(archive.room.id, archive.events, Date.now(), archive.chainSalt);
    for (const [name, base64] of Object.entries(archive.docs)) {
      const state = Buffer.from(base64, 'base64');
      if (state.length > 0) await server.store.docs.appendUpdate(archive.room.id, name, new Uint8Array(state));
    }
    const runtime = await server.rooms.get(archive.room.id);
    const director = await server.access.createInvitation(runtime.id, { role: 'director', label: 'Archive importée' }, []);
    res.status(201).json({ roomId: runtime.id, readOnly: true, events: archive.events.length, directorCode: director.code, directorUrl: joinUrl(server.url(), director.code) });
  });

  return router;
}
