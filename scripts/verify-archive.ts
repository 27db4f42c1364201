import { readFileSync } from 'node:fs';
import { verifyArchiveText } from '../server/retex/archive.js';

/** `npm run verify -- archive.json`: recomputes the hash chain and says whether the archive is intact or where it was altered. */
const file = process.argv[2];
if (!file) {
  console.error('usage : npm run verify -- <archive.json>');
  process.exit(2);
}
const verdict = verifyArchiveText(readFileSync(file, 'utf8'));
if (verdict.intact) {
  console.log(`Archive intègre : ${verdict.events} événements, chaîne d'empreintes vérifiée.`);
} else {
  console.error(`Archive ALTÉRÉE — ${verdict.reason}`);
  process.exit(1);
}
