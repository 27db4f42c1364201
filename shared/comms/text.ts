import * as Y from 'yjs';

/**
 * The plain text of a draft's rich-text document (the TipTap/ProseMirror tree in a Y.XmlFragment): one line
 * per block, list items prefixed, marks dropped. This is what the server seals, hashes and freezes as a
 * version, and what versions are compared on.
 */
export function fragmentToText(fragment: Y.XmlFragment): string {
  return blockLines(fragment.toArray())
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

type Node = Y.XmlElement | Y.XmlText | Y.XmlHook;

function inlineText(nodes: readonly Node[]): string {
  return nodes
    .map((node) => {
      if (node instanceof Y.XmlText) {
        return (node.toDelta() as Array<{ insert: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
      }
      if (node instanceof Y.XmlElement) return node.nodeName === 'hardBreak' ? '\n' : inlineText(node.toArray());
      return '';
    })
    .join('');
}

function listLines(list: Y.XmlElement, ordered: boolean): string[] {
  const start = Number(list.getAttribute('start') ?? 1) || 1;
  return list.toArray().flatMap((item, index) => {
    const lines = item instanceof Y.XmlElement ? blockLines(item.toArray()) : [];
    const marker = ordered ? `${start + index}. ` : '• ';
    return lines.map((line, i) => (i === 0 ? marker : '   ') + line);
  });
}

function blockLines(nodes: readonly Node[]): string[] {
  return nodes.flatMap((node): string[] => {
    if (node instanceof Y.XmlText) return [inlineText([node])];
    if (!(node instanceof Y.XmlElement)) return [];
    switch (node.nodeName) {
      case 'bulletList':
        return listLines(node, false);
      case 'orderedList':
        return listLines(node, true);
      case 'blockquote':
      case 'listItem':
        return blockLines(node.toArray());
      case 'horizontalRule':
        return ['———'];
      default:
        return [inlineText(node.toArray())];
    }
  });
}
