import type { ProviderSummary } from '../../shared/identity/rest.js';

/**
 * The server's own sign-in pages (a refusal, the end of a logout): plain French HTML without JavaScript, readable
 * on a phone, every interpolated value escaped. Styled after the State's design system colours.
 */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const style = `body{font-family:system-ui,sans-serif;max-width:36rem;margin:1.5rem auto;padding:0 1rem;line-height:1.5;color:#161616}
h1{font-size:1.4rem}p.reason{border-left:4px solid #ce0500;padding:.5rem 1rem;background:#fff4f3}
a.button{display:inline-block;font-size:1.05rem;padding:.7rem 1.1rem;background:#000091;color:#fff;border-radius:4px;text-decoration:none;margin:.3rem .3rem .3rem 0}
a.secondary{background:#fff;color:#000091;border:1px solid #000091}.note{color:#666;font-size:.9rem}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)} — ORSAN Room</title><style>${style}</style></head><body><main>${body}</main></body></html>`;
}

export interface RefusalPage {
  title: string;
  reason: string;
  /** Sign in again (with the same provider or another). */
  retry: Array<{ label: string; href: string }>;
  /** The room also takes invitation codes: where to type one. */
  codeHref: string | null;
  /** Sign out at the provider to come back with another account. */
  switchAccountHref: string | null;
}

export function signInRefusedPage(p: RefusalPage): string {
  const retry = p.retry.map((r) => `<a class="button" href="${escape(r.href)}">${escape(r.label)}</a>`).join('');
  const code = p.codeHref ? `<a class="button secondary" href="${escape(p.codeHref)}">Entrer avec un code d'invitation</a>` : '';
  const other = p.switchAccountHref ? `<a class="button secondary" href="${escape(p.switchAccountHref)}">Se connecter avec un autre compte</a>` : '';
  return page(
    p.title,
    `<h1>${escape(p.title)}</h1><p class="reason" role="alert">${escape(p.reason)}</p><p>${p.switchAccountHref ? other : retry}${code}</p><p class="note">Rien n'a été enregistré dans la salle. Si le problème persiste, appelez la permanence de la cellule de crise.</p>`,
  );
}

export function signedOutPage(): string {
  return page(
    'Déconnecté(e)',
    `<h1>Vous êtes déconnecté(e)</h1><p>Votre session est fermée sur ORSAN Room et chez votre fournisseur d'identité.</p><p><a class="button" href="/">Revenir à l'accueil</a></p>`,
  );
}

export const retryLinks = (providers: readonly ProviderSummary[], href: (provider: string) => string) => providers.map((p) => ({ label: `Se connecter avec ${p.label}`, href: href(p.id) }));
