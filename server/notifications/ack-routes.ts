import express, { Router, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { DomainError, httpStatusOf } from '../../shared/core/errors.js';
import { findActor, findLink, linkLabel } from '../../shared/alert-chain/state.js';
import { ackLinkDrafts, ackLinkRefusal } from '../../shared/notifications/ack.js';
import { whenText } from '../../shared/notifications/message.js';
import type { OutboundNotification } from '../../shared/notifications/state.js';
import type { RoomState } from '../../shared/room-state.js';
import type { RoomService } from '../rooms/room-service.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';
import type { Logger } from '../ops/logger.js';
import { hashAckToken, roomOfAckToken } from './ack-token.js';
import { ackDonePage, ackFormPage, ackRefusedPage, type AlertSummary } from './ack-page-html.js';

export interface AckRoutesDeps {
  rooms: Pick<RoomService, 'exists' | 'get'>;
  logger: Logger;
}

const Reply = z.object({ reply: z.string().trim().max(300).optional() });

interface Found {
  runtime: RoomRuntime;
  notification: OutboundNotification;
}

/** The message whose attempt carried this token, or null (forged, mistyped, another room's). */
async function findByToken(deps: AckRoutesDeps, token: string): Promise<Found | null> {
  const roomId = roomOfAckToken(token);
  if (!roomId || !(await deps.rooms.exists(roomId))) return null;
  const runtime = await deps.rooms.get(roomId);
  const hash = hashAckToken(token);
  const notification = runtime.state.notifications.items.find((n) => n.attempts.some((a) => a.tokenHash === hash));
  return notification ? { runtime, notification } : null;
}

function summary(state: RoomState, n: OutboundNotification): AlertSummary {
  const link = findLink(state.alertChain, n.linkId);
  return {
    roomTitle: state.room.title,
    linkLabel: link ? linkLabel(state.alertChain, link) : (findActor(state.alertChain, n.actorId)?.label ?? n.actorId),
    sender: n.sender,
    when: whenText({ wallTime: n.queuedAt.wallTime, exerciseTime: n.queuedAt.exerciseTime, mode: state.room.mode }),
    message: n.message,
    contact: n.contactName,
    exercise: n.exercise,
  };
}

const titles: Partial<Record<DomainError['code'], string>> = { expired: 'Lien expiré', conflict: 'Réception déjà accusée', not_found: 'Lien inconnu' };

function refuse(res: Response, error: DomainError, a: AlertSummary | null): void {
  res
    .status(httpStatusOf[error.code])
    .type('html')
    .send(ackRefusedPage(titles[error.code] ?? 'Accusé de réception impossible', error.message, a));
}

/**
 * `PUBLIC_URL/ack/<token>`: GET shows the alert and a button, and never acknowledges (mail scanners open
 * links); POST acknowledges — an `alertChain.acknowledged` by the contact, channel `lien`, live in the room.
 * No account and no JavaScript. Forged, expired or reused tokens get a page saying so, and no event.
 */
export function ackRoutes(deps: AckRoutesDeps): Router {
  const router = Router();
  // Tokens carry 192 random bits: the limit is against load, not guessing.
  router.use('/ack', rateLimit({ windowMs: 60_000, limit: 60, keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'), standardHeaders: 'draft-8', legacyHeaders: false }));
  router.use('/ack', (_req, res, next) => {
    res.set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer');
    next();
  });

  const handle = (act: (req: Request, res: Response, found: Found) => Promise<void>) => async (req: Request, res: Response) => {
    const token = String(req.params.token ?? '');
    try {
      const found = await findByToken(deps, token);
      if (!found) return refuse(res, new DomainError('not_found', "Ce lien d'accusé de réception est inconnu : vérifiez qu'il est complet."), null);
      await act(req, res, found);
    } catch (error) {
      if (error instanceof DomainError) return refuse(res, error, null);
      deps.logger.error({ err: error }, 'acknowledgement page failed');
      res
        .status(500)
        .type('html')
        .send(ackRefusedPage('Erreur', 'La salle de crise ne répond pas pour le moment. Réessayez dans un instant ou appelez votre correspondant.', null));
    }
  };

  router.get(
    '/ack/:token',
    handle(async (_req, res, { runtime, notification }) => {
      const state = runtime.state;
      const refusal = ackLinkRefusal(state, notification.id);
      if (refusal) return refuse(res, refusal, summary(state, notification));
      res.type('html').send(ackFormPage(summary(state, notification)));
    }),
  );

  router.post(
    '/ack/:token',
    express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 5 }),
    handle(async (req, res, { runtime, notification }) => {
      const parsed = Reply.safeParse(req.body ?? {});
      const reply = parsed.success && parsed.data.reply ? parsed.data.reply : null;
      const contact = notification.contactName ?? 'Contact';
      const events = await runtime.appendSystem(
        (state) => {
          const refusal = ackLinkRefusal(state, notification.id);
          if (refusal) throw refusal;
          return ackLinkDrafts(state, notification, reply);
        },
        { kind: 'system', name: `${contact} (lien d'accusé de réception)` },
      );
      const at = events[0];
      res.type('html').send(ackDonePage(summary(runtime.state, notification), at ? whenText({ wallTime: at.wallTime, exerciseTime: at.exerciseTime, mode: runtime.state.room.mode }) : ''));
    }),
  );
  return router;
}
