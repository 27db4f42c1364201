/** One run of a comparison between two versions. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Above this many table cells the comparison falls back to lines, then to whole texts: it must stay instant. */
const maxCells = 4_000_000;

const words = (text: string) => text.match(/^\s+|\S+\s*/g) ?? [];
const lines = (text: string) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

/**
 * A word-level comparison of two versions. Each word carries the whitespace after it, so that a changed
 * phrase reads as one run; joining the `same` and `added` parts gives `after` back, `same` and `removed` `before`.
 * Longest common subsequence after trimming the common prefix and suffix, where versions mostly agree.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  return diffTokens(words(before), words(after), (midA, midB) => diffTokens(lines(midA.join('')), lines(midB.join('')), null));
}

type Fallback = ((a: string[], b: string[]) => DiffPart[]) | null;

function diffTokens(a: string[], b: string[], fallback: Fallback): DiffPart[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > maxCells) {
    if (fallback) for (const part of fallback(midA, midB)) push(parts, part.kind, [part.text]);
    else {
      push(parts, 'removed', midA);
      push(parts, 'added', midB);
    }
  } else {
    lcsParts(midA, midB, parts);
  }
  push(parts, 'same', a.slice(endA));
  return parts;
}

/** Classic LCS table, then a walk from the start emitting removals before additions. */
function lcsParts(a: string[], b: string[], parts: DiffPart[]): void {
  const n = a.length;
  const m = b.length;
  // table[i][j] = LCS length of a[i..] and b[j..]; min(n, m) ≤ 2000 here, so 16 bits suffice.
  const table = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => table[i * (m + 1) + j]!;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      push(parts, 'same', [a[i++]!]);
      j++;
    } else if (j >= m || (i < n && at(i + 1, j) >= at(i, j + 1))) {
      push(parts, 'removed', [a[i++]!]);
    } else {
      push(parts, 'added', [b[j++]!]);
    }
  }
}

function push(parts: DiffPart[], kind: DiffPart['kind'], tokens: string[]): void {
  if (tokens.length === 0) return;
  const text = tokens.join('');
  const last = parts.at(-1);
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}
