import { lazy, Suspense, type ReactNode } from 'react';
import type { RichTextEditorProps } from './RichTextEditor.js';

// The editor (TipTap, ProseMirror) is the heaviest part of the client: its chunk loads only when a screen shows one.
const RichTextEditor = lazy(() => import('./RichTextEditor.js').then((m) => ({ default: m.RichTextEditor })));

/**
 * The collaborative rich-text editor, loaded on first use (see `RichTextEditor`). `fallback` shows while its
 * code arrives (nothing by default).
 */
export function LazyRichTextEditor({ fallback = null, ...props }: RichTextEditorProps & { fallback?: ReactNode }) {
  return (
    <Suspense fallback={fallback}>
      <RichTextEditor {...props} />
    </Suspense>
  );
}
