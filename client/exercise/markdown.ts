/**
 * A deliberately tiny Markdown reader for scenario texts (briefing, rules, good-practice sheets).
 * It produces a tree that the page turns into React elements: no HTML string is ever built, so a
 * scenario cannot inject markup or script, whatever it contains. Raw HTML is shown as plain text.
 */

export type Inline = { kind: 'text'; text: string } | { kind: 'code'; text: string } | { kind: 'strong' | 'em'; children: Inline[] } | { kind: 'link'; href: string; children: Inline[] };

export type Block = { kind: 'heading'; level: number; children: Inline[] } | { kind: 'paragraph'; children: Inline[] } | { kind: 'list'; ordered: boolean; items: Inline[][] } | { kind: 'rule' };

/**
 * The link target if it is safe to follow: web, mail and phone links, or links inside the application.
 * `javascript:`, `data:` and every other scheme are refused.
 * @example safeHref('javascript:alert(1)') // null
 */
export function safeHref(url: string): string | null {
  const trimmed = url.trim();
  if (/^(https?:|mailto:|tel:)/i.test(trimmed)) return trimmed;
  if (/^[/#]/.test(trimmed) && !trimmed.startsWith('//')) return trimmed;
  return null;
}

const escapable = /[\\`*_[\]()#+\-.!>]/;
const wordChar = /[\p{L}\p{N}]/u;

/** Where the emphasis opened at `start` with `delimiter` closes, or -1 if it does not. */
function closingOf(src: string, start: number, delimiter: string): number {
  const from = start + delimiter.length;
  if (from >= src.length || /\s/.test(src[from]!)) return -1;
  // `_` inside words (snake_case, identifiers) is not emphasis.
  if (delimiter[0] === '_' && start > 0 && wordChar.test(src[start - 1]!)) return -1;
  let end = src.indexOf(delimiter, from);
  while (end !== -1) {
    const after = src[end + delimiter.length];
    const closesWord = delimiter[0] !== '_' || after === undefined || !wordChar.test(after);
    const single = delimiter.length === 2 || src[end + 1] !== delimiter;
    if (end > from && !/\s/.test(src[end - 1]!) && closesWord && single) return end;
    end = src.indexOf(delimiter, end + 1);
  }
  return -1;
}

/** Inline spans: `**gras**`, `*italique*`, `` `code` ``, `[lien](https://…)`, backslash escapes. */
export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  scan: while (i < src.length) {
    const ch = src[i]!;
    if (ch === '\\' && i + 1 < src.length && escapable.test(src[i + 1]!)) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const end = src.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: 'code', text: src.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '[') {
      const match = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(src.slice(i));
      if (match) {
        const href = safeHref(match[2]!);
        const children = parseInline(match[1]!);
        flush();
        if (href) out.push({ kind: 'link', href, children });
        else out.push(...children);
        i += match[0].length;
        continue;
      }
    }
    for (const delimiter of ['**', '__', '*', '_']) {
      if (!src.startsWith(delimiter, i)) continue;
      const end = closingOf(src, i, delimiter);
      if (end === -1) continue;
      flush();
      out.push({ kind: delimiter.length === 2 ? 'strong' : 'em', children: parseInline(src.slice(i + delimiter.length, end)) });
      i = end + delimiter.length;
      continue scan;
    }
    text += ch;
    i += 1;
  }
  flush();
  return out;
}

const headingLine = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const ruleLine = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const bulletLine = /^\s{0,3}[-*+]\s+(.*)$/;
const orderedLine = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;

/**
 * Blocks: `#` headings, paragraphs (lines joined by a space), `-`/`*`/`1.` lists (indented lines continue
 * an item), `---` rules. Anything else is text.
 * @example parseMarkdown('## Mise en situation\n\nMardi, **14 h**.')
 */
export function parseMarkdown(src: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    list = null;
  };
  for (const raw of src.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = headingLine.exec(line);
    const item = bulletLine.exec(line) ?? orderedLine.exec(line);
    if (line.trim() === '') {
      flushParagraph();
      flushList();
    } else if (heading) {
      flushParagraph();
      flushList();
      blocks.push({ kind: 'heading', level: heading[1]!.length, children: parseInline(heading[2]!) });
    } else if (ruleLine.test(line)) {
      flushParagraph();
      flushList();
      blocks.push({ kind: 'rule' });
    } else if (item) {
      flushParagraph();
      const ordered = !bulletLine.test(line);
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [] };
      list.items.push(item[1]!);
    } else if (list && /^\s+\S/.test(raw)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}

/** Plain text of inline spans (for comparing a heading with a title). */
export function inlineText(nodes: Inline[]): string {
  return nodes.map((n) => (n.kind === 'text' || n.kind === 'code' ? n.text : inlineText(n.children))).join('');
}

/**
 * Drops a first heading that only repeats the title the page already shows above the text
 * (a briefing that starts with « ## Mise en situation » under the section « Mise en situation »).
 */
export function withoutRepeatedTitle(blocks: Block[], title: string): Block[] {
  const [first, ...rest] = blocks;
  const same = (a: string) => a.trim().toLocaleLowerCase('fr') === title.trim().toLocaleLowerCase('fr');
  return first?.kind === 'heading' && same(inlineText(first.children)) ? rest : blocks;
}
