import { z } from 'zod';

/** Overall operating mode of an establishment, from best to worst. */
export const CareMode = z.enum(['normal', 'degrade', 'critique', 'arret']);
export type CareMode = z.infer<typeof CareMode>;

export const careModeLabels: Record<CareMode, string> = {
  normal: 'Normal',
  degrade: 'Mode dégradé',
  critique: 'Critique',
  arret: "À l'arrêt",
};

/**
 * The functions whose state the crisis cell follows per establishment: those every hospital has, then the
 * specialised activities beyond the ED and the Samu (`specialisedFunctions`), followed only where the site has them.
 */
export const CareFunction = z.enum([
  'urgences',
  'smur',
  'regulation_samu',
  'bloc',
  'reanimation',
  'imagerie',
  'biologie',
  'pharmacie',
  'si_dpi',
  'telephonie',
  'dialyse',
  'maternite',
  'oncologie_radiotherapie',
  'unv',
  'cardiologie_interventionnelle',
]);
export type CareFunction = z.infer<typeof CareFunction>;

/**
 * Capacity figures reported for an establishment. `litsFermes` are the beds lost because of the crisis
 * (the regional summary adds them up by département); `null` means « non renseigné ».
 */
export const CareCapacity = z.object({
  litsDisponibles: z.number().int().min(0).max(20_000).nullable().optional(),
  litsFermes: z.number().int().min(0).max(20_000).nullable().optional(),
  urgencesOuvertes: z.boolean().nullable().optional(),
});
export type CareCapacity = z.infer<typeof CareCapacity>;

/** A status of an establishment at the start of a scenario (its other functions start `normal`). */
export const InitialCareStatus = z.object({
  finess: z.string().regex(/^[0-9A-Z]{9}$/, 'numéro FINESS à 9 caractères attendu'),
  mode: CareMode,
  functions: z.partialRecord(CareFunction, CareMode).optional(),
  capacity: CareCapacity.optional(),
  situation: z.string().max(2000).optional(),
});
export type InitialCareStatus = z.infer<typeof InitialCareStatus>;

/** Severity rank of a mode: 0 (normal) to 3 (à l'arrêt). Used to sort and to colour. */
export const careModeRank: Record<CareMode, number> = { normal: 0, degrade: 1, critique: 2, arret: 3 };

/** The worse of two modes. */
export function worseMode(a: CareMode, b: CareMode): CareMode {
  return careModeRank[b] > careModeRank[a] ? b : a;
}

export const careFunctionLabels: Record<CareFunction, string> = {
  urgences: 'Urgences',
  smur: 'SMUR',
  regulation_samu: 'Régulation SAMU (Centre 15)',
  bloc: 'Bloc opératoire',
  reanimation: 'Réanimation',
  imagerie: 'Imagerie',
  biologie: 'Biologie',
  pharmacie: 'Pharmacie',
  si_dpi: "Système d'information / DPI",
  telephonie: 'Téléphonie',
  dialyse: 'Dialyse',
  maternite: 'Maternité',
  oncologie_radiotherapie: 'Oncologie / radiothérapie',
  unv: 'UNV (unité neurovasculaire)',
  cardiologie_interventionnelle: 'Cardiologie interventionnelle',
};

/** The activities beyond the ED and the Samu that not every establishment has (issue 19). */
export const specialisedFunctions = ['dialyse', 'maternite', 'oncologie_radiotherapie', 'unv', 'cardiologie_interventionnelle'] as const satisfies readonly CareFunction[];
export type SpecialisedFunction = (typeof specialisedFunctions)[number];

/** Whether a function is one of the specialised activities (shown only where the establishment has it). */
export const isSpecialisedFunction = (fn: CareFunction): fn is SpecialisedFunction => (specialisedFunctions as readonly CareFunction[]).includes(fn);
