import { describe, expect, it } from 'vitest';
import { contactsToRows, describeRowErrors, rowsToContacts, type DirectoryTable } from '../../shared/directory/rows.js';

const actors = ['corruss', 'cert-sante', 'ars-astreinte'];
const headers = ['acteur', 'nom', 'fonction', 'email', 'mobile', 'telephone', 'rang', 'astreinte', 'exercice'];
const good = ['corruss', 'Permanence CORRUSS', 'Régulation', 'alerte@sante.gouv.fr', '06 12 34 56 78', '01 44 55 66 77', '1', 'lun-ven 08:00-18:00', 'oui'];

/** A table with the standard header and `rows` from line 2 on. */
const table = (rows: string[][], head = headers): DirectoryTable => ({ headers: head, rows: rows.map((values, i) => ({ line: i + 2, values })) });
const withCell = (column: string, value: string, base = good) => base.map((v, i) => (headers[i] === column ? value : v));

describe('directory rows', () => {
  it('reads a row: phones in E.164, astreinte slots, exercise flag, id actor-rank', () => {
    const result = rowsToContacts(table([good, ['cert-sante', 'Analyste', '', '', '', '+33 1 44 55 66 78', '2', '', 'non']]), actors);
    expect(result).toEqual({
      contacts: [
        {
          id: 'corruss-1',
          actor: 'corruss',
          name: 'Permanence CORRUSS',
          function: 'Régulation',
          email: 'alerte@sante.gouv.fr',
          mobile: '+33612345678',
          landline: '+33144556677',
          rank: 1,
          onCall: [{ days: [1, 2, 3, 4, 5], from: 480, to: 1080 }],
          exercise: true,
        },
        { id: 'cert-sante-2', actor: 'cert-sante', name: 'Analyste', function: '', email: null, mobile: null, landline: '+33144556678', rank: 2, onCall: [], exercise: false },
      ],
    });
  });

  it('reads headers whatever their case and accents, in any order, optional columns left out', () => {
    const result = rowsToContacts(table([['2', 'ars-astreinte', 'Cadre', '0033 6 11 22 33 44']], ['Rang', 'ACTEUR', ' Nom ', 'Téléphone']), actors);
    expect(result).toEqual({ contacts: [expect.objectContaining({ id: 'ars-astreinte-2', landline: '+33611223344', email: null, exercise: false, onCall: [] })] });
  });

  it('skips blank rows and reads back its own export (defused phones included)', () => {
    const first = rowsToContacts(table([good, ['', '', '', '', '', '', '', '', ''], withCell('rang', '2')]), actors);
    if (!('contacts' in first)) throw new Error(describeRowErrors(first.errors));
    const exported = contactsToRows(first.contacts);
    // A CSV export defuses `+33…` as `'+33…`: the import takes the mark off.
    const defused = { ...exported, rows: exported.rows.map((r) => ({ ...r, values: r.values.map((v) => (v.startsWith('+') ? `'${v}` : v)) })) };
    expect(rowsToContacts(defused, actors)).toEqual(first);
  });

  const bad: Array<[string, string[], string, string]> = [
    ['unknown actor', withCell('acteur', 'samu-lune'), 'acteur', "acteur inconnu « samu-lune » dans la chaîne d'alerte"],
    ['missing actor', withCell('acteur', ''), 'acteur', 'acteur manquant'],
    ['missing name', withCell('nom', ''), 'nom', 'nom manquant'],
    ['bad e-mail', withCell('email', 'alerte@'), 'email', 'adresse de courriel invalide « alerte@ »'],
    ['bad mobile', withCell('mobile', '06 12'), 'mobile', 'numéro de téléphone invalide « 06 12 »'],
    ['bad landline', withCell('telephone', 'standard'), 'telephone', 'numéro de téléphone invalide « standard »'],
    ['rank zero', withCell('rang', '0'), 'rang', 'rang invalide « 0 » (entier de 1 à 99)'],
    ['rank not an integer', withCell('rang', '1.5'), 'rang', 'rang invalide « 1.5 » (entier de 1 à 99)'],
    ['missing rank', withCell('rang', ''), 'rang', 'rang manquant (1 = appelé en premier)'],
    ['bad astreinte', withCell('astreinte', 'lun-ven le matin'), 'astreinte', 'astreinte illisible « lun-ven le matin » (attendu : « lun-ven 08:00-18:00 »)'],
    ['bad astreinte day', withCell('astreinte', 'lun-vdi 08:00-18:00'), 'astreinte', 'jour inconnu « vdi » (lun, mar, mer, jeu, ven, sam, dim)'],
    ['bad exercise flag', withCell('exercice', 'peut-être'), 'exercice', 'valeur inconnue « peut-être » (oui ou non)'],
    ['no way to reach', withCell('telephone', '', withCell('mobile', '', withCell('email', ''))), 'email', 'ni courriel, ni mobile, ni téléphone : au moins un moyen de contact est requis'],
  ];
  it.each(bad)('refuses a row with %s, naming its line and column', (_, row, column, message) => {
    expect(rowsToContacts(table([good, withCell('rang', '2'), row.map((v, i) => (headers[i] === 'rang' && v === '1' ? '3' : v))]), actors)).toEqual({ errors: [{ line: 4, column, message }] });
  });

  it('refuses a second contact with the same actor and rank', () => {
    expect(rowsToContacts(table([good, withCell('nom', 'Autre')]), actors)).toEqual({ errors: [{ line: 3, column: 'rang', message: 'rang 1 déjà donné pour « corruss » (ligne 2)' }] });
  });

  it('reports every error of every row, and loads nothing', () => {
    const result = rowsToContacts(table([withCell('email', 'x@'), good, withCell('mobile', '12', withCell('acteur', 'inconnu')), withCell('rang', 'deux')]), actors);
    expect(result).toEqual({
      errors: [
        { line: 2, column: 'email', message: 'adresse de courriel invalide « x@ »' },
        { line: 4, column: 'acteur', message: "acteur inconnu « inconnu » dans la chaîne d'alerte" },
        { line: 4, column: 'mobile', message: 'numéro de téléphone invalide « 12 »' },
        { line: 5, column: 'rang', message: 'rang invalide « deux » (entier de 1 à 99)' },
      ],
    });
    if ('errors' in result) expect(describeRowErrors(result.errors).split('\n')[0]).toBe('ligne 2, colonne email : adresse de courriel invalide « x@ »');
  });

  it('reports unknown, doubled and missing columns on line 1', () => {
    expect(rowsToContacts(table([], ['Acteur', 'constructor', '__proto__', 'email', 'Courriel']), actors)).toEqual({
      errors: [
        { line: 1, column: 'constructor', message: 'colonne inconnue « constructor » (attendu : acteur, nom, fonction, email, mobile, telephone, rang, astreinte, exercice)' },
        { line: 1, column: '__proto__', message: 'colonne inconnue « __proto__ » (attendu : acteur, nom, fonction, email, mobile, telephone, rang, astreinte, exercice)' },
        { line: 1, column: 'email', message: 'colonne « email » en double' },
        { line: 1, column: 'nom', message: 'colonne « nom » manquante' },
        { line: 1, column: 'rang', message: 'colonne « rang » manquante' },
      ],
    });
  });

  it('refuses a file without a single contact', () => {
    expect(rowsToContacts(table([['', '', '', '', '', '', '', '', '']]), actors)).toEqual({ errors: [{ line: 2, column: 'acteur', message: 'aucun contact dans le fichier' }] });
  });

  it('reads overnight and weekend astreintes, and 24/7', () => {
    const result = rowsToContacts(table([withCell('astreinte', 'lun-ven 18:00-08:00; sam,dim 00:00-24:00'), withCell('astreinte', '24/7', withCell('rang', '2'))]), actors);
    expect('contacts' in result && result.contacts.map((c) => c.onCall)).toEqual([
      [
        { days: [1, 2, 3, 4, 5], from: 1080, to: 480 },
        { days: [6, 7], from: 0, to: 1440 },
      ],
      [],
    ]);
  });
});
