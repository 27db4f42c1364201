import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../shared/main-courante/doc.js';
import { facets, filterThreads, threadEntries } from '../../shared/main-courante/view.js';

const base = { sessionId: 's', role: 'player' as const, authoredExerciseTime: null, significant: false, links: {}, receipt: null, late: false, flaggedBy: [], n: 1, verification: null };
const view = (id: string, text: string, over: Partial<EntryView> = {}): EntryView => ({
  ...base,
  id: id.padEnd(8, '0'),
  type: 'information',
  text,
  author: 'Alice',
  cell: 'ars',
  authoredAt: Number(id.replace(/\D/g, '')) || 1,
  corrects: null,
  ...over,
});

describe('main courante list: threads, filters, search', () => {
  const original = view('e1', 'Bascule du 15 vers Rouen', { type: 'decision' });
  const correction = view('e2', 'Correction : bascule vers Le Havre', { corrects: original.id, author: 'Paul', cell: 'prefecture' });
  const recorrection = view('e3', 'Correction de la correction : Évreux', { corrects: correction.id });
  const other = view('e4', 'Point presse à 14 h', { type: 'point_situation', author: 'Paul', cell: 'prefecture', significant: true });
  const entries = [original, correction, recorrection, other];

  it('shows each correction with the entry it corrects, even a correction of a correction', () => {
    const threads = threadEntries(entries);
    expect(threads.map((t) => t.entry.id)).toEqual([original.id, other.id]);
    expect(threads[0]!.corrections.map((c) => c.id)).toEqual([correction.id, recorrection.id]);
  });

  it('filters by cell, type and author, keeping a thread when one of its entries matches', () => {
    const threads = threadEntries(entries);
    expect(filterThreads(threads, { cell: 'prefecture' }).map((t) => t.entry.id)).toEqual([original.id, other.id]);
    expect(filterThreads(threads, { type: 'point_situation' }).map((t) => t.entry.id)).toEqual([other.id]);
    expect(filterThreads(threads, { author: 'Alice', type: 'decision' }).map((t) => t.entry.id)).toEqual([original.id]);
    expect(filterThreads(threads, { significantOnly: true }).map((t) => t.entry.id)).toEqual([other.id]);
  });

  it('searches every word, without case or accents', () => {
    const threads = threadEntries(entries);
    expect(filterThreads(threads, { query: 'evreux' }).map((t) => t.entry.id)).toEqual([original.id]);
    expect(filterThreads(threads, { query: 'POINT 14' }).map((t) => t.entry.id)).toEqual([other.id]);
    expect(filterThreads(threads, { query: 'point rouen' })).toEqual([]);
  });

  it('lists authors and cells for the filter menus', () => {
    expect(facets(entries)).toEqual({ authors: ['Alice', 'Paul'], cells: ['ars', 'prefecture'] });
  });
});
