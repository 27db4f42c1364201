import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref, withoutRepeatedTitle } from '../../client/exercise/markdown.js';

describe('the safe Markdown reader of scenario texts', () => {
  it('reads headings, paragraphs joined across lines, lists and rules', () => {
    const blocks = parseMarkdown('## Mise en situation\n\nMardi, 14 h.\nLa **clinique** est fermée.\n\n- un\n- deux\n  suite\n\n1. premier\n\n---');
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, children: [{ kind: 'text', text: 'Mise en situation' }] },
      {
        kind: 'paragraph',
        children: [
          { kind: 'text', text: 'Mardi, 14 h. La ' },
          { kind: 'strong', children: [{ kind: 'text', text: 'clinique' }] },
          { kind: 'text', text: ' est fermée.' },
        ],
      },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'un' }], [{ kind: 'text', text: 'deux suite' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'premier' }]] },
      { kind: 'rule' },
    ]);
  });

  it('reads emphasis, code and links, and leaves identifiers with underscores alone', () => {
    expect(parseInline('*urgent* et `code` voir [ARS](https://www.ars.sante.fr) snake_case_name')).toEqual([
      { kind: 'em', children: [{ kind: 'text', text: 'urgent' }] },
      { kind: 'text', text: ' et ' },
      { kind: 'code', text: 'code' },
      { kind: 'text', text: ' voir ' },
      { kind: 'link', href: 'https://www.ars.sante.fr', children: [{ kind: 'text', text: 'ARS' }] },
      { kind: 'text', text: ' snake_case_name' },
    ]);
  });

  it('keeps a lone asterisk and escaped characters as text', () => {
    expect(parseInline('5 * 3 = 15 \\*pas en italique\\*')).toEqual([{ kind: 'text', text: '5 * 3 = 15 *pas en italique*' }]);
  });

  it('never produces a script link, and shows raw HTML as text', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>')).toBeNull();
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('mailto:cellule@ars.fr')).toBe('mailto:cellule@ars.fr');
    const unsafe = parseInline('[clic](javascript:void(0)) [ok](vbscript:x)');
    expect(unsafe.some((n) => n.kind === 'link')).toBe(false);
    expect(unsafe[0]).toEqual({ kind: 'text', text: 'clic' });
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'paragraph', children: [{ kind: 'text', text: '<img src=x onerror=alert(1)>' }] }]);
  });
});

describe('titles of scenario texts', () => {
  it('drops a first heading that repeats the section title, and only that', () => {
    const blocks = parseMarkdown('## Mise en situation\n\nMardi, 14 h.\n\n## Mise en situation');
    expect(withoutRepeatedTitle(blocks, 'mise en situation').map((b) => b.kind)).toEqual(['paragraph', 'heading']);
    expect(withoutRepeatedTitle(blocks, 'Règles du jeu')).toBe(blocks);
    expect(withoutRepeatedTitle([], 'Règles du jeu')).toEqual([]);
  });
});
