import { readFileSync } from 'node:fs';
import { verifyArchiveText } from '../server/retex/archive-verify.js';

/**
 * `npm run verify -- archive.json`: recomputes the hash chain (with the room's salt) and each document's sha256
 * against the seal that ends it; says whether the archive is intact, or where it was altered (event or document).
 */
const file = process.argv[2];
if (!file) {
  console.error('usage : npm run verify -- <archive.json>');
  process.exit(2);
}
const verdict = verifyArchiveText(readFileSync(file, 'utf8'));
if (verdict.intact) {
  console.log(`Archive intègre : ${verdict.events} événements, chaîne d'empreintes vérifiée, ${verdict.docs} document(s) conforme(s) à leur scellement.`);
  // The chain proves nothing about its own end: compare this with the head recorded when the archive was made.
  console.log(`Empreinte de tête : ${verdict.headHash}`);
} else {
  console.error(`Archive ALTÉRÉE — ${verdict.reason}`);
  process.exit(1);
}
