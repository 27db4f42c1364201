import { describe, expect, it } from 'vitest';
import type { AlertChainMeasures } from '../../shared/alert-chain/measures.js';
import { suggestionsFrom } from '../../shared/retex/report.js';

type Link = AlertChainMeasures['links'][number];
const minute = 60_000;

/** A link's measures as `alertChainMeasures` gives them, CORRUSS alerted on time. */
const corruss = (overrides: Partial<Link>): Link =>
  ({
    linkId: 'ars-corruss',
    fromLabel: 'ARS',
    toLabel: 'CORRUSS',
    deadlineAt: 60 * minute,
    alertedAt: 20 * minute,
    late: false,
    acknowledgeDeadlineAt: 35 * minute,
    acknowledgedAt: null,
    acknowledgementLate: true,
    stages: [],
    ...overrides,
  }) as Link;

const findings = (link: Link, end = 180 * minute) => suggestionsFrom({ links: [link] } as unknown as AlertChainMeasures, [], [], null, end);

describe('RETEX findings on acknowledgements', () => {
  it('says an acknowledgement never came, not that it came late', () => {
    const out = findings(corruss({ acknowledgedAt: null, acknowledgementLate: true }));
    expect(out).toEqual(["CORRUSS n'a jamais accusé réception de l'alerte de ARS (attendu avant T+00:35:00)."]);
    expect(out.join(' ')).not.toContain('hors délai');
  });

  it('says a late acknowledgement came late, with its time', () => {
    expect(findings(corruss({ acknowledgedAt: 50 * minute, acknowledgementLate: true }))).toEqual(["L'accusé de réception de CORRUSS est arrivé hors délai (T+00:50:00)."]);
  });

  it('says nothing of an acknowledgement whose deadline the room never reached', () => {
    expect(findings(corruss({ acknowledgedAt: null, acknowledgementLate: false }), 30 * minute)).toEqual([]);
  });

  it('says a late alert with both times and the delay in hours and minutes', () => {
    const late = corruss({ alertedAt: 150 * minute, deadlineAt: 60 * minute, late: true, acknowledgedAt: 151 * minute, acknowledgementLate: false, acknowledgeDeadlineAt: 165 * minute });
    expect(findings(late)).toEqual(["CORRUSS a reçu l'alerte à T+02:30:00, au lieu de T+01:00:00 au plus tard (1 h 30 de retard)."]);
  });
});
