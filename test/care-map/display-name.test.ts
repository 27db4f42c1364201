import { describe, expect, it } from 'vitest';
import { establishmentDisplayName } from '../../shared/care-map/display-name.js';

describe('establishmentDisplayName', () => {
  it('writes FINESS capitals as a report reads them: acronyms kept, small words lowercase, accents of the nomenclature back', () => {
    expect(establishmentDisplayName('CH EVREUX CH EURE-SEINE')).toBe('CH Evreux CH Eure-Seine');
    expect(establishmentDisplayName('HOPITAL CHARLES NICOLLE CHU ROUEN')).toBe('Hôpital Charles Nicolle CHU Rouen');
    expect(establishmentDisplayName('CH VERNEUIL-SUR-AVRE')).toBe('CH Verneuil-sur-Avre');
    expect(establishmentDisplayName("CENTRE MEDICO-SOCIAL D'EVREUX")).toBe("Centre Médico-Social d'Evreux");
    expect(establishmentDisplayName('USLD ARCADIE BOUCICAUT CHU ROUEN')).toBe('USLD Arcadie Boucicaut CHU Rouen');
    expect(establishmentDisplayName('EHPAD ST JULIEN  DE LA RISLE')).toBe('EHPAD St Julien de la Risle');
  });

  it('keeps a name that already has lowercase letters (a fictional site of a scenario)', () => {
    expect(establishmentDisplayName('Clinique fictive de la Risle')).toBe('Clinique fictive de la Risle');
  });
});
