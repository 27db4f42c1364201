// Sign-in with a real OpenID Provider (configured like ProConnect) and Chromium through its pages: who gets in,
// with which role, and every forged or replayed answer refused.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { OPERATOR_TOKEN } from '../helpers/server.js';
import { proConnectAccount } from '../helpers/oidc-provider.js';
import { roomSignInUrl, signInThroughOp, startSignInWorld, tokenOf, type SignInWorld } from '../helpers/sign-in-world.js';

const marie = proConnectAccount('marie', { givenName: 'Marie', usualName: 'Dupont', email: 'Marie.Dupont@ars.sante.fr', siret: '13000766900016', organizationalUnit: 'ARS Normandie' });
const paul = proConnectAccount('paul', { givenName: 'Paul', usualName: 'Martin', email: 'paul.martin@calvados.gouv.fr', siret: '17140001500011', organizationalUnit: 'Préfecture du Calvados' });
const directrice = proConnectAccount('claire', { givenName: 'Claire', usualName: 'Bernard', email: 'claire.bernard@ars.sante.fr', siret: '13000766900016' });

let world: SignInWorld;
let browser: Browser;

beforeAll(async () => {
  world = await startSignInWorld({ accounts: [marie, paul, directrice], env: { OPERATOR_EMAILS: 'claire.bernard@ars.sante.fr' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await world?.close();
});
afterEach(() => world.op.tamper('none'));

async function crisisRoom(access: 'oidc' | 'both' = 'oidc') {
  const created = await world.srv.api('POST', '/api/rooms', { mode: 'crisis', title: 'Cyber GHT', access, directorEmail: 'claire.bernard@ars.sante.fr' }, OPERATOR_TOKEN);
  expect(created.status).toBe(201);
  return created.body as { roomId: string; directorCode: string | null; directorUrl: string; access: string };
}

async function directorToken(roomId: string): Promise<string> {
  const { landed, page } = await signInThroughOp(browser, world, roomSignInUrl(world, roomId), 'claire');
  await page.context().close();
  expect(landed.pathname).toBe('/signed-in');
  return tokenOf(landed)!;
}

describe('sign-in with an OpenID provider', () => {
  it('an invited ARS agent signs in through the provider pages and joins as player/ars with her verified name', async () => {
    const room = await crisisRoom();
    expect(room.directorCode).toBeNull();
    expect(room.directorUrl).toBe(`${world.srv.url}/sign-in/${room.roomId}`);
    const director = await directorToken(room.roomId);
    const invited = await world.srv.api('POST', `/api/rooms/${room.roomId}/invitations`, { role: 'player', cell: 'ars', identity: { kind: 'email', value: 'marie.dupont@ars.sante.fr' } }, director);
    expect(invited.status).toBe(201);
    expect(invited.body.code).toBeNull();

    const { landed, page } = await signInThroughOp(browser, world, roomSignInUrl(world, room.roomId), 'marie');
    await page.context().close();
    const token = tokenOf(landed);
    expect(token).toBeTruthy();
    const session = await world.srv.api('GET', '/api/session', undefined, token!);
    expect(session.body).toMatchObject({
      roomId: room.roomId,
      role: 'player',
      cell: 'ars',
      name: 'Marie Dupont (ARS Normandie)',
      identity: { provider: 'ProConnect', organisation: 'ARS Normandie', acr: 'eidas1' },
    });
  });
});
