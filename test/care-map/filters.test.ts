import { describe, expect, it } from 'vitest';
import { dictFrom } from '../../shared/core/dict.js';
import type { Establishment } from '../../shared/care-map/establishment.js';
import { filterEstablishments, kindsPresent } from '../../shared/care-map/filters.js';
import type { EstablishmentStatus } from '../../shared/care-map/state.js';

const site = (finess: string, kind: Establishment['kind']) => ({ finess, kind }) as Establishment;
const status = (mode: EstablishmentStatus['mode'], functions: EstablishmentStatus['functions'] = {}): EstablishmentStatus => ({
  mode,
  functions,
  capacity: { litsDisponibles: null, litsFermes: null, urgencesOuvertes: null },
  situation: '',
  updatedAt: 0,
  updatedExerciseTime: 0,
  updatedBy: { name: 'x' },
});

const sites = [site('A', 'samu'), site('B', 'hopital'), site('C', 'ehpad'), site('D', 'hopital')];
const statuses = dictFrom([
  ['B', status('critique')],
  ['D', status('normal', { urgences: 'arret' })],
] as const);
const all = { kinds: new Set(kindsPresent(sites)), modes: new Set(['normal', 'degrade', 'critique', 'arret'] as const) };
const ids = (list: Establishment[]) => list.map((e) => e.finess);

describe('map filters', () => {
  it('offers only the kinds present, in the nomenclature order', () => {
    expect(kindsPresent(sites)).toEqual(['samu', 'hopital', 'ehpad']);
  });

  it('keeps everything when all is ticked; hides a kind that is unticked', () => {
    expect(ids(filterEstablishments(sites, statuses, all))).toEqual(['A', 'B', 'C', 'D']);
    expect(ids(filterEstablishments(sites, statuses, { ...all, kinds: new Set(['samu', 'ehpad'] as const) }))).toEqual(['A', 'C']);
  });

  it('filters by the status the marker shows (a normal site with its ED down counts as à l’arrêt)', () => {
    expect(ids(filterEstablishments(sites, statuses, { ...all, modes: new Set(['arret'] as const) }))).toEqual(['D']);
    expect(ids(filterEstablishments(sites, statuses, { ...all, modes: new Set(['normal'] as const) }))).toEqual(['A', 'C']);
  });

  it('keeps the site whose card is open even when the filter hides its kind', () => {
    expect(ids(filterEstablishments(sites, statuses, { ...all, kinds: new Set() }, 'C'))).toEqual(['C']);
  });
});
