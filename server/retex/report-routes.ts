import { Router } from 'express';
import { forbidden } from '../../shared/core/errors.js';
import { formatExerciseTime } from '../../shared/exercise/clock.js';
import type { Viewer } from '../../shared/core/visibility.js';
import { buildReport } from '../../shared/retex/report.js';
import { reportToMarkdown } from '../../shared/retex/report-markdown.js';
import { toCsv } from '../../shared/retex/csv.js';
import { readRetexDoc } from '../../shared/retex/plan.js';
import { retexDocName } from '../../shared/retex/doc-kind.js';
import * as Y from 'yjs';
import type { FeatureContext } from '../feature.js';
import { roomSessions, type RoomRequest } from '../http/room-session.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';
import { retexAccess, retexAudience } from '../../shared/retex/access.js';
import { entryAdded } from '../../shared/main-courante/events.js';
import type { RetexReportResponse, RoomEventsResponse } from '../../shared/retex/rest.js';
import { establishmentNamesFor } from '../care-map/establishment-names.js';

/**
 * The RETEX report and its exports. The director reads it from the full log; everyone else from the
 * evaluators' audience (never the animator kit), and players and observers only once it is released.
 */
export function reportRoutes(server: Pick<FeatureContext, 'rooms' | 'access' | 'store' | 'config' | 'operatorToken' | 'url'>): Router {
  const router = Router();
  const { roomSession } = roomSessions(server);
  const names = establishmentNamesFor(server.config.SCENARIOS_DIR);

  async function reportFor(req: RoomRequest) {
    const { session, runtime } = await roomSession(req);
    if (!retexAccess(session, runtime.state)) throw forbidden("Le rapport RETEX n'est pas encore ouvert aux joueurs.");
    const inputs = await reportInputs(runtime, retexAudience(session));
    return { runtime, ...inputs, names: await names(inputs.state.careMap.region) };
  }

  router.get('/rooms/:roomId/report', async (req, res) => {
    const { state, events, names } = await reportFor(req);
    res.json(buildReport(state, events, names) satisfies RetexReportResponse);
  });

  router.get('/rooms/:roomId/report.md', async (req, res) => {
    const { state, events, runtime, names } = await reportFor(req);
    res.type('text/markdown; charset=utf-8').setHeader('content-disposition', `attachment; filename="retex-${runtime.id}.md"`);
    res.send(reportToMarkdown(buildReport(state, events, names), await readStoredRetex(server, runtime.id)));
  });

  router.get('/rooms/:roomId/measures.csv', async (req, res) => {
    const { state, events, runtime, names } = await reportFor(req);
    const report = buildReport(state, events, names);
    const rows = [
      ...report.alertChain.links.map((l) => ['alerte', l.linkId, `${l.fromLabel} → ${l.toLabel}`, time(l.deadlineAt), time(l.alertedAt), time(l.acknowledgedAt), l.late ? 'oui' : 'non']),
      ...report.stimuli.map((m) => [
        'stimulus',
        m.stimulusId,
        `${m.subject} (${m.cell})`,
        time(m.injectedAt),
        time(m.acknowledgedAt),
        time(m.firstActionAt),
        m.ackDelay === null ? 'non acquitté' : `${Math.round(m.ackDelay / 60000)} min`,
      ]),
    ];
    res.type('text/csv; charset=utf-8').setHeader('content-disposition', `attachment; filename="mesures-${runtime.id}.csv"`);
    res.send(toCsv(['nature', 'id', 'objet', 'attendu_ou_envoye', 'alerte_ou_accuse', 'accuse_ou_action', 'ecart'], rows));
  });

  router.get('/rooms/:roomId/main-courante.csv', async (req, res) => {
    const { runtime, viewer } = await roomSession(req);
    const events = (await runtime.eventsFor(viewer, 0)).filter(entryAdded.is);
    const rows = events.map((e) => {
      const { entry } = e.payload;
      return [
        e.seq,
        time(e.exerciseTime),
        new Date(entry.authoredAt).toISOString(),
        new Date(e.wallTime).toISOString(),
        entry.cell ?? '',
        entry.author,
        entry.type,
        entry.text,
        entry.corrects ?? '',
        entry.significant ? 'oui' : '',
        e.hash,
      ];
    });
    res.type('text/csv; charset=utf-8').setHeader('content-disposition', `attachment; filename="main-courante-${runtime.id}.csv"`);
    res.send(toCsv(['seq', 'heure_exercice', 'redige_le', 'recu_le', 'cellule', 'auteur', 'type', 'texte', 'corrige', 'significatif', 'empreinte'], rows));
  });

  router.get('/rooms/:roomId/events', async (req, res) => {
    const { runtime, viewer } = await roomSession(req);
    res.json({ events: await runtime.eventsFor(viewer, 0) } satisfies RoomEventsResponse);
  });

  return router;
}

/** The RETEX document as stored (every update is durable before anyone sees it). */
async function readStoredRetex(server: Pick<FeatureContext, 'store'>, roomId: string) {
  const updates = await server.store.docs.loadUpdates(roomId, retexDocName);
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return readRetexDoc(doc);
}

const time = (ms: number | null) => (ms === null ? '' : `T+${formatExerciseTime(ms)}`);

async function reportInputs(runtime: RoomRuntime, audience: Viewer) {
  return runtime.exclusive(async () => ({ state: await runtime.stateFor(audience), events: await runtime.eventsFor(audience, 0) }));
}
