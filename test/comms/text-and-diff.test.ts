import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffWords } from '../../shared/comms/diff.js';
import { fragmentToText } from '../../shared/comms/text.js';

describe('draft text extraction', () => {
  it('reads blocks, lists and hard breaks of a TipTap document as plain text', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('default');
    const heading = new Y.XmlElement('heading');
    heading.insert(0, [new Y.XmlText('Communiqué')]);
    const paragraph = new Y.XmlElement('paragraph');
    const bold = new Y.XmlText();
    paragraph.insert(0, [bold, new Y.XmlElement('hardBreak'), new Y.XmlText('deuxième ligne')]);
    const list = new Y.XmlElement('bulletList');
    const item = (text: string) => {
      const li = new Y.XmlElement('listItem');
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      li.insert(0, [p]);
      return li;
    };
    list.insert(0, [item('urgences'), item('dialyse')]);
    fragment.insert(0, [heading, paragraph, list]);
    bold.insert(0, 'Texte en gras', { bold: true });
    expect(fragmentToText(fragment)).toBe('Communiqué\nTexte en gras\ndeuxième ligne\n• urgences\n• dialyse');
  });
});

describe('version comparison', () => {
  const rebuild = (parts: ReturnType<typeof diffWords>, keep: 'added' | 'removed') =>
    parts
      .filter((p) => p.kind === 'same' || p.kind === keep)
      .map((p) => p.text)
      .join('');

  it('marks the words added and removed between two versions', () => {
    const before = 'Le GHT fait face à une cyberattaque. Les urgences restent ouvertes.';
    const after = 'Le GHT fait face à une attaque informatique. Les urgences restent ouvertes au public.';
    const parts = diffWords(before, after);
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['cyberattaque.', 'ouvertes.']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['attaque informatique.', 'ouvertes au public.']);
    expect(rebuild(parts, 'added')).toBe(after);
    expect(rebuild(parts, 'removed')).toBe(before);
  });

  it('stays exact on long, very different texts (line fallback)', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `mot${i}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, i) => `terme${i}`).join(' ');
    const parts = diffWords(before, after);
    expect(rebuild(parts, 'added')).toBe(after);
    expect(rebuild(parts, 'removed')).toBe(before);
  });

  it('returns one unchanged part for identical versions', () => {
    expect(diffWords('même texte', 'même texte')).toEqual([{ kind: 'same', text: 'même texte' }]);
  });
});
