import { describe, expect, it } from 'vitest';
import type { InboxItem } from '../../shared/exercise/stimuli-state.js';
import { dictOf } from '../../shared/core/dict.js';
import { defaultTriage, triageInbox, type InboxTriage, type TriageViewer } from '../../client/exercise/inbox-triage.js';

const ack = { by: 'Claire', exerciseTime: 0, wallTime: 0 };
const assignee = (sessionId: string, name: string) => ({ sessionId, name, by: 'Claire', exerciseTime: 0, wallTime: 0 });

function item(id: string, changes: Partial<InboxItem> = {}): InboxItem {
  return {
    id,
    sender: { id: 'medias', label: 'France Bleu Normandie' },
    recipients: ['ars'],
    channel: 'mail',
    subject: `Objet ${id}`,
    content: '…',
    attachments: [],
    injectedAt: 0,
    injectedWall: 0,
    inReplyTo: null,
    acks: {},
    replies: [],
    links: [],
    ...changes,
  };
}

const items = [
  item('S03', { channel: 'telephone', subject: 'Appel du préfet', content: 'Réunion du COD à 11 h', acks: dictOf({ ars: ack }) }),
  item('S02', { subject: 'Messagerie coupée', sender: { id: 'ght-dsi', label: 'DSI du GHT' }, assignees: dictOf({ ars: assignee('s-marc', 'Marc') }) }),
  item('S01', { channel: 'sms', subject: 'Résumé de la situation', recipients: ['ars', 'prefecture'], acks: dictOf({ prefecture: ack }) }),
];
const claire: TriageViewer = { cell: 'ars', sessionId: 's-claire', read: new Set(['S03']), open: new Set() };
const ids = (triage: Partial<InboxTriage>, viewer: TriageViewer = claire) => triageInbox(items, { ...defaultTriage, ...triage }, viewer).items.map((i) => i.id);

describe('inbox triage (pure)', () => {
  it('opens on « Non accusés »: what the cell has not acknowledged, newest first, with the count of each view', () => {
    expect(defaultTriage.view).toBe('unacknowledged');
    const result = triageInbox(items, defaultTriage, claire);
    expect(result.items.map((i) => i.id)).toEqual(['S02', 'S01']);
    expect(result.counts).toEqual({ unacknowledged: 2, unread: 2, all: 3 });
    expect(ids({ view: 'unread' })).toEqual(['S02', 'S01']);
    expect(ids({ view: 'all' })).toEqual(['S03', 'S02', 'S01']);
  });

  it('staff (no cell) see as unacknowledged what any recipient cell has not acknowledged', () => {
    expect(ids({}, { cell: null, sessionId: 's-eval', read: new Set(), open: new Set() })).toEqual(['S02', 'S01']);
  });

  it('filters by channel and by search words over subject, content and sender, accents and case ignored; counts follow the filters', () => {
    expect(ids({ view: 'all', channel: 'telephone' })).toEqual(['S03']);
    expect(ids({ view: 'all', query: 'resume' })).toEqual(['S01']);
    expect(ids({ view: 'all', query: 'cod REUNION' })).toEqual(['S03']);
    expect(ids({ view: 'all', query: 'dsi' })).toEqual(['S02']);
    expect(ids({ view: 'all', query: 'préfet absent' })).toEqual([]);
    expect(triageInbox(items, { ...defaultTriage, channel: 'mail' }, claire).counts).toEqual({ unacknowledged: 1, unread: 1, all: 1 });
  });

  it('« Attribués à moi » keeps what the cell assigned to the viewer', () => {
    expect(ids({ view: 'all', mine: true })).toEqual([]);
    expect(ids({ view: 'all', mine: true }, { ...claire, sessionId: 's-marc' })).toEqual(['S02']);
  });

  it('an open card stays in its view once acknowledged, so that the player can still reply or link it', () => {
    expect(ids({}, { ...claire, open: new Set(['S03']) })).toEqual(['S03', 'S02', 'S01']);
  });
});
