import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A crisis directory with two CORRUSS contacts, two ARS on-call officers and the on-call director (their backup). */
export const directoryCsv = [
  'acteur;nom;fonction;email;mobile;telephone;rang;astreinte;exercice',
  'corruss;Camille Rousseau;Permanence CORRUSS;camille.rousseau@corruss.example;06 11 22 33 44;;1;24/7;oui',
  'corruss;Bastien Lefort;Cadre de permanence;bastien.lefort@corruss.example;07 55 44 33 22;;2;24/7;non',
  "ars-astreinte;Alice Martin;Cadre d'astreinte;alice.martin@ars.example;06 01 02 03 04;;1;24/7;non",
  "ars-astreinte;Bruno Petit;Cadre d'astreinte suppléant;bruno.petit@ars.example;;;2;24/7;non",
  "ars-direction-astreinte;Claire Durand;Directrice d'astreinte;claire.durand@ars.example;06 09 08 07 06;;1;24/7;non",
].join('\n');

export function writeDirectory(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'orsan-outbound-'));
  const file = join(dir, 'annuaire.csv');
  writeFileSync(file, directoryCsv);
  return { dir, file };
}
