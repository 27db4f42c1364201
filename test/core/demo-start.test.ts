import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';

const servers: ServerProcess[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('npm start and its demo exercise', () => {
  it('creates the demo exercise with one link per role on a first start', async () => {
    const srv = await startServerProcess({ env: { DEMO: 'true' } });
    servers.push(srv);
    expect(srv.output()).toContain('Exercice de démonstration — un lien par rôle');
    expect(srv.output()).toMatch(/Animateur \(directeur d’exercice\)\s+http:\/\/\S+\/join\//);
    expect(existsSync(join(srv.dataDir, 'demo-links.json'))).toBe(true);
  }, 60_000);

  it('a SCENARIOS_DIR without the demo scenario: the server starts, says in one line why there is no demo, and serves', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'orsan-no-scenarios-'));
    dirs.push(empty);
    const srv = await startServerProcess({ env: { DEMO: 'true', SCENARIOS_DIR: empty } });
    servers.push(srv);
    expect(srv.output()).toMatch(/Exercice de démonstration non créé : .*cyber-ght-samu-normandie.*Le serveur fonctionne\./);
    const ready = await fetch(`${srv.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(existsSync(join(srv.dataDir, 'demo-links.json'))).toBe(false);
  }, 60_000);
});
