import { describe, expect, it } from 'vitest';
import { defaultOrsanCyberChain } from '../../shared/alert-chain/default-chain.js';
import { AlertChainTemplate } from '../../shared/alert-chain/template.js';
import { adaptToCells, alertChainSetup } from '../../server/alert-chain/setup.js';
import type { RoomSetupContext } from '../../server/rooms/room-setup.js';
import type { Scenario } from '../../shared/exercise/scenario.js';

const cells = [
  { id: 'ars', label: 'ARS' },
  { id: 'prefecture', label: 'Préfecture' },
];
// A partial scenario is enough here: the step reads its `alertChain` only (an invalid one must be refused).
const context = (scenario?: unknown): RoomSetupContext => ({
  roomId: 'r1',
  request: { mode: 'exercise', title: 'Test' },
  cells,
  scenario: (scenario ?? null) as Scenario | null,
  scenariosDir: 'scenarios',
});

describe('default ORSAN Cyber chain', () => {
  it('is a valid template where the ARS and Préfecture cells play their actors', () => {
    expect(AlertChainTemplate.safeParse(defaultOrsanCyberChain).success).toBe(true);
    const played = defaultOrsanCyberChain.actors.filter((a) => a.kind === 'played').map((a) => [a.id, a.cell]);
    expect(played).toEqual([
      ['ars', 'ars'],
      ['prefecture', 'prefecture'],
    ]);
  });

  it('has the links of the doctrine, with the CNIL at 72 h', () => {
    const pairs = defaultOrsanCyberChain.links.map((l) => `${l.from}>${l.to}`);
    for (const expected of [
      'etablissement>ars-astreinte',
      'etablissement>cert-sante',
      'ars-astreinte>ars',
      'ars>corruss',
      'ars>prefecture',
      'cert-sante>anssi',
      'samu>samu-voisin',
      'etablissement>cnil',
      'etablissement>gendarmerie',
    ]) {
      expect(pairs).toContain(expected);
    }
    expect(defaultOrsanCyberChain.links.find((l) => l.to === 'cnil')?.deadlineMinutes).toBe(72 * 60);
  });
});

describe('alertChainSetup', () => {
  it('defines the default chain for everyone when there is no scenario', async () => {
    const drafts = await alertChainSetup(context());
    expect(drafts).toEqual([{ type: 'alertChain.defined', payload: { template: defaultOrsanCyberChain }, visibility: 'all' }]);
  });

  it("uses the scenario's own chain, and the default when the scenario has none", async () => {
    const own = {
      actors: [
        { id: 'etablissement', label: 'CH', kind: 'simulated' },
        { id: 'ars', label: 'ARS', kind: 'played', cell: 'ars' },
      ],
      links: [{ id: 'etab-ars', from: 'etablissement', to: 'ars', channel: 'telephone', deadlineMinutes: 10, trigger: 'T0' }],
    };
    const [custom] = await alertChainSetup(context({ id: 'x', alertChain: own }));
    expect(custom?.payload).toEqual({ template: own });
    const [fallback] = await alertChainSetup(context({ id: 'x' }));
    expect(fallback?.payload).toEqual({ template: defaultOrsanCyberChain });
  });

  it('refuses a scenario chain that does not validate, instead of silently testing another chain', () => {
    const broken = { actors: [{ id: 'a1', label: 'A', kind: 'simulated' }], links: [] };
    expect(() => alertChainSetup(context({ alertChain: broken }))).toThrow(/Chaîne d'alerte du scénario invalide/);
  });
});

describe('adaptToCells', () => {
  it('hands a played actor whose cell the room does not play to the animation team', () => {
    const adapted = adaptToCells(defaultOrsanCyberChain, ['ars']);
    expect(adapted.actors.find((a) => a.id === 'prefecture')).toEqual({ id: 'prefecture', label: 'Préfecture — SIDPC / COD', kind: 'simulated' });
    expect(adapted.actors.find((a) => a.id === 'ars')?.kind).toBe('played');
  });
});
