import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { OrsanServer } from './app.js';
import { joinUrl } from './http/rooms-routes.js';
import type { InvitationRequest } from '../shared/room/rest.js';
import { readScenario } from './exercise/scenario-files.js';

function scenarioTitle(server: OrsanServer, id: string): string {
  return readScenario(id, server.config.SCENARIOS_DIR).title;
}

export interface DemoLink {
  label: string;
  url: string;
}

const demoInvitations: Array<{ label: string; request: InvitationRequest }> = [
  { label: 'Animateur (directeur d’exercice)', request: { role: 'director', label: 'Animation' } },
  { label: 'Joueur — ARS, cellule régionale de crise', request: { role: 'player', cell: 'ars', label: 'ARS' } },
  { label: 'Joueur — Préfecture, liaison COD', request: { role: 'player', cell: 'prefecture', label: 'Préfecture' } },
  { label: 'Évaluateur', request: { role: 'evaluator', label: 'Évaluation' } },
  { label: 'Observateur', request: { role: 'observer', label: 'Observation' } },
];

/**
 * On the first start of an empty store, creates a demo exercise room with one invitation per role.
 * The links are kept in DATA_DIR (codes are stored hashed, so they cannot be printed again otherwise).
 */
export async function ensureDemoRoom(server: OrsanServer, scenario: string): Promise<DemoLink[]> {
  const file = join(resolve(server.config.DATA_DIR), 'demo-links.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DemoLink[];
  if ((await server.store.events.listRoomIds()).length > 0) return [];
  const runtime = await server.rooms.create({ mode: 'exercise', title: `Démonstration — ${scenarioTitle(server, scenario)}`, scenario });
  const links: DemoLink[] = [];
  for (const { label, request } of demoInvitations) {
    const { code } = await server.access.createInvitation(
      runtime.id,
      request,
      runtime.state.room.cells.map((c) => c.id),
    );
    links.push({ label, url: joinUrl(server.url(), code) });
  }
  writeFileSync(file, JSON.stringify(links, null, 2), { mode: 0o600 });
  return links;
}
