import type { Page } from 'playwright-core';

/** The OP's end_session path (oidc-provider's default route), where its "sign out?" question is asked. */
const endSessionPath = '/session/end';

/** Resolves with the first of `steps` to settle; the losers' eventual timeouts are swallowed. */
function whicheverFirst<T>(...steps: Promise<T>[]): Promise<T> {
  for (const step of steps) step.catch(() => undefined);
  return Promise.race(steps);
}

/**
 * Signs in at the test OP's own pages as a person would: types `login` and any password, then accepts the consent
 * page if the OP shows one. Call it once the relying party has sent `page` to the OP; it resolves as soon as the OP
 * sends the browser elsewhere, wherever that is.
 */
export async function signInAtOp(page: Page, login: string): Promise<void> {
  const loginInput = page.locator('input[name="login"]');
  await loginInput.waitFor();
  const op = new URL(page.url()).origin;
  const leftOp = () => page.waitForURL((url) => url.origin !== op, { waitUntil: 'commit' });

  await loginInput.fill(login);
  await page.locator('input[name="password"]').fill('any password works');
  await page.locator('form:has(input[name="prompt"][value="login"]) button[type="submit"]').click();

  // A first sign-in of this browser asks for consent; a remembered grant goes straight back.
  const consent = page.locator('form:has(input[name="prompt"][value="consent"]) button[type="submit"]');
  const step = await whicheverFirst(
    consent.waitFor().then(() => 'consent' as const),
    leftOp().then(() => 'left' as const),
  );
  if (step === 'left') return;
  await consent.click();
  await leftOp();
}

/**
 * Answers "yes" to the OP's "Do you want to sign-out?" page. Call it while or after the relying party sends `page` to
 * the end_session endpoint; it resolves when the OP has sent the browser on: to the post-logout redirect URI, or to
 * its own "signed out" page when the relying party gave none. The OP asks only a browser that still has a session
 * there (one that signed in through `signInAtOp`); a browser without one is sent on at once, so do not call this then.
 */
export async function confirmLogoutAtOp(page: Page): Promise<void> {
  await page.waitForURL((url) => url.pathname === endSessionPath, { waitUntil: 'commit' });
  const op = new URL(page.url()).origin;
  const leftLogout = () => page.waitForURL((url) => url.origin !== op || url.pathname === `${endSessionPath}/success`, { waitUntil: 'commit' });

  const yes = page.locator('button[name="logout"][value="yes"]');
  const step = await whicheverFirst(
    yes.waitFor().then(() => 'asked' as const),
    leftLogout().then(() => 'left' as const),
  );
  if (step === 'left') return;
  await yes.click();
  await leftLogout();
}
