import { describe, expect, it } from 'vitest';
import { formValuesOf, statusPatch } from '../../client/care-map/status-diff.js';
import type { EstablishmentStatus } from '../../shared/care-map/state.js';

const current: EstablishmentStatus = {
  mode: 'degrade',
  functions: { si_dpi: 'arret' },
  capacity: { litsDisponibles: 40, litsFermes: null, urgencesOuvertes: true },
  situation: 'DPI chiffré',
  updatedAt: 1,
  updatedExerciseTime: 0,
  updatedBy: { name: 'x' },
};

describe('status form → setStatus payload', () => {
  it('sends only what changed, so the history stays readable', () => {
    const before = formValuesOf(current);
    const after = { ...before, functions: { ...before.functions, urgences: 'critique' as const }, urgences: 'ferme' as const, litsFermes: '25' };
    expect(statusPatch('140000209', before, after)).toEqual({
      finess: '140000209',
      functions: { urgences: 'critique' },
      capacity: { litsFermes: 25, urgencesOuvertes: false },
    });
  });

  it('returns null when nothing changed and clears a figure emptied by the user', () => {
    const before = formValuesOf(current);
    expect(statusPatch('140000209', before, { ...before, situation: ' DPI chiffré ' })).toBeNull();
    expect(statusPatch('140000209', before, { ...before, litsDisponibles: '', mode: 'arret' })).toEqual({
      finess: '140000209',
      mode: 'arret',
      capacity: { litsDisponibles: null },
    });
  });

  it('starts from normal for an establishment nobody reported on', () => {
    const values = formValuesOf(undefined);
    expect(values.mode).toBe('normal');
    expect(Object.values(values.functions).every((m) => m === 'normal')).toBe(true);
    expect(values.urgences).toBe('');
  });
});
