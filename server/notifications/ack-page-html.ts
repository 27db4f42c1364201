import { exerciseBanner } from '../../shared/notifications/state.js';

/**
 * The one-click acknowledgement pages: plain French HTML, no JavaScript, readable on a phone. Everything
 * interpolated is escaped; the form posts to the page's own address.
 */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface AlertSummary {
  roomTitle: string;
  linkLabel: string;
  sender: string;
  when: string;
  message: string;
  contact: string | null;
  exercise: boolean;
}

const style = `body{font-family:system-ui,sans-serif;max-width:36rem;margin:1.5rem auto;padding:0 1rem;line-height:1.5;color:#161616}
h1{font-size:1.4rem}.banner{background:#ffe9e6;border:2px solid #ce0500;padding:.5rem;font-weight:bold;text-align:center}
blockquote{white-space:pre-wrap;border-left:4px solid #000091;margin:1rem 0;padding:.5rem 1rem;background:#f6f6f6}
button{font-size:1.1rem;padding:.8rem 1.2rem;background:#000091;color:#fff;border:0;border-radius:4px;width:100%}
input{font-size:1rem;padding:.5rem;width:100%;box-sizing:border-box}label{display:block;margin:1rem 0 .3rem}.note{color:#666;font-size:.9rem}`;

function page(title: string, body: string, exercise: boolean): string {
  const banner = exercise ? `<p class="banner">${exerciseBanner}</p>` : '';
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)} — ORSAN Room</title><style>${style}</style></head><body>${banner}<main>${body}</main>${banner}</body></html>`;
}

function alertBlock(a: AlertSummary): string {
  return `<p><strong>${escape(a.linkLabel)}</strong><br>Salle : ${escape(a.roomTitle)}<br>De : ${escape(a.sender)}<br>Le : ${escape(a.when)}</p><blockquote>${escape(a.message)}</blockquote>`;
}

export function ackFormPage(a: AlertSummary): string {
  const who = a.contact ? `<p>Destinataire : ${escape(a.contact)}</p>` : '';
  return page(
    'Accuser réception',
    `<h1>Alerte ORSAN — accuser réception</h1>${alertBlock(a)}${who}<form method="post"><label for="reply">Réponse en une ligne (facultatif)</label><input id="reply" name="reply" maxlength="300" autocomplete="off"><p><button type="submit">Accuser réception</button></p></form><p class="note">Ouvrir cette page n'accuse pas réception : seul le bouton le fait. La salle de crise verra votre nom et l'heure.</p>`,
    a.exercise,
  );
}

export function ackDonePage(a: AlertSummary, when: string): string {
  return page('Réception accusée', `<h1>Réception accusée — merci</h1><p>La salle de crise a reçu votre accusé de réception (${escape(when)}).</p>${alertBlock(a)}`, a.exercise);
}

export function ackRefusedPage(title: string, reason: string, a: AlertSummary | null): string {
  return page(
    title,
    `<h1>${escape(title)}</h1><p>${escape(reason)}</p>${a ? alertBlock(a) : ''}<p class="note">Pour joindre la salle de crise, utilisez les coordonnées de votre correspondant habituel.</p>`,
    a?.exercise ?? false,
  );
}
