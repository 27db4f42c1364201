import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { useEffect } from 'react';
import type { DocSnapshot } from '../collab/room-doc-connection.js';
import { colorOf } from '../collab/user-color.js';
import type { Me } from '../room/section.js';
import './rich-text-editor.css';

/** What a screen gives the collaborative editor: one rich-text field of one shared document. */
export interface RichTextEditorProps {
  snapshot: DocSnapshot;
  me: Me;
  /** The Yjs XML fragment of the document that holds this field's text. */
  field: string;
  editable: boolean;
  /** Read by screen readers: the editor has no visible label of its own. */
  label: string;
  testId: string;
}

/**
 * The collaborative rich-text editor: TipTap bound to one fragment of a room's Yjs document, with each
 * co-writer's caret in their colour and under their name (the server stamps names and cells from the session).
 * StarterKit's own undo history is off: Yjs owns the history of a shared document.
 *
 * Import it only through `LazyRichTextEditor`: TipTap and ProseMirror are the heaviest part of the client and
 * a static import would put them back in the main bundle.
 */
export function RichTextEditor({ snapshot, me, field, editable, label, testId }: RichTextEditorProps) {
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: snapshot.doc, field }),
        CollaborationCaret.configure({ provider: snapshot.provider, user: { name: me.name, color: colorOf(me.sessionId), cell: me.cell ?? null } }),
      ],
      editable,
      // An explicit textbox role: a frozen editor is no longer contenteditable, and a bare div may not carry a label.
      editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, 'data-testid': testId, class: 'rich-text-content' } },
    },
    [snapshot.doc, snapshot.provider, field],
  );
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  return <EditorContent editor={editor} className={`rich-text${editable ? '' : ' rich-text-frozen'}`} />;
}
