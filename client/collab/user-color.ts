/** Caret and badge colours, readable on white and distinct from one another. */
const palette = ['#1f6feb', '#c2185b', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457', '#5d4037', '#283593', '#9e7700'];

/** A stable colour per session, so a person keeps the same caret colour in every document. */
export function colorOf(sessionId: string): string {
  let hash = 0;
  for (let i = 0; i < sessionId.length; i++) hash = (hash * 31 + sessionId.charCodeAt(i)) >>> 0;
  return palette[hash % palette.length]!;
}
