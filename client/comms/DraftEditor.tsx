import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { useEffect } from 'react';
import { draftFragmentName } from '../../shared/comms/draft.js';
import type { DocSnapshot } from '../collab/room-doc-connection.js';
import { colorOf } from '../collab/user-color.js';
import { useT } from '../i18n/index.js';
import type { Me } from '../room/section.js';

/**
 * The collaborative rich-text editor of a draft: TipTap bound to the draft's Yjs document, with each
 * co-writer's caret in their colour and under their name (names are stamped by the server from the session).
 * StarterKit's own undo history is off: Yjs owns the history of a shared document.
 */
export function DraftEditor({ snapshot, me, editable }: { snapshot: DocSnapshot; me: Me; editable: boolean }) {
  const { t } = useT();
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: snapshot.doc, field: draftFragmentName }),
        CollaborationCaret.configure({ provider: snapshot.provider, user: { name: me.name, color: colorOf(me.sessionId), cell: me.cell ?? null } }),
      ],
      editable,
      editorProps: { attributes: { 'aria-label': t('comms.editorLabel'), 'data-testid': 'draft-editor', class: 'draft-editor-content' } },
    },
    [snapshot.doc, snapshot.provider],
  );
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  return <EditorContent editor={editor} className={`draft-editor${editable ? '' : ' draft-editor-frozen'}`} />;
}
