import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n/index.js';

/** What a confirmation says: its question, the consequences (with the room's figures) and the confirming verb. */
export interface ConfirmText {
  /** The question, as the dialog's title and accessible name: « Terminer l'exercice (FINEX) ? ». */
  title: string;
  /** What confirming will do, one sentence a line: read before the choice, announced as the description. */
  lines: readonly string[];
  /** The confirming button's label: the action itself, never « OK ». */
  confirm: string;
}

/**
 * The confirmation of a step that cannot be undone (FINEX, closing a crisis, a publication): a native modal
 * `<dialog>` labelled by its title and described by its consequences. Focus starts on « Annuler », the safe
 * choice, so Enter or Escape never confirms by accident; closing it returns focus to the button that opened it.
 * Rendered at the end of the body, so it never takes the styles of the toolbar its trigger sits in.
 */
export function ConfirmDialog({
  open,
  text,
  danger = false,
  testId,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  text: ConfirmText;
  danger?: boolean;
  testId?: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  // Closing restores the focus to the opener at once (the `close` event comes later, as a task).
  const closeThen = (then: () => void) => () => {
    dialog.current?.close();
    then();
  };
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      cancel.current?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);
  return createPortal(
    // The browser closes it on Escape: a cancellation. (After a button, the owner has already closed it: `open` is false.)
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={titleId} aria-describedby={bodyId} data-testid={testId} onClose={() => open && onCancel()}>
      <h2 id={titleId}>{text.title}</h2>
      <div id={bodyId} data-testid="confirm-text">
        {text.lines.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </div>
      <div className="confirm-actions">
        <button ref={cancel} type="button" className="confirm-cancel" onClick={closeThen(onCancel)} data-testid="confirm-cancel">
          {t('confirm.cancel')}
        </button>
        <button type="button" className={danger ? 'danger' : undefined} onClick={closeThen(onConfirm)} data-testid="confirm-ok">
          {text.confirm}
        </button>
      </div>
    </dialog>,
    document.body,
  );
}

/**
 * A button whose action is confirmed first: a click opens the {@link ConfirmDialog}, which runs `onConfirm` only
 * when the person chooses the action. `text` is read when the dialog shows, so its figures are the room's of now.
 */
export function ConfirmButton({
  children,
  text,
  onConfirm,
  danger = false,
  className,
  disabled,
  title,
  testId,
}: {
  children: ReactNode;
  text: () => ConfirmText;
  onConfirm(): void;
  danger?: boolean;
  className?: string;
  disabled?: boolean;
  title?: string | undefined;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className ?? (danger ? 'danger' : undefined)} disabled={disabled} title={title} data-testid={testId} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {children}
      </button>
      {open && (
        <ConfirmDialog
          open
          text={text()}
          danger={danger}
          testId={testId ? `${testId}-confirm` : undefined}
          onCancel={() => setOpen(false)}
          onConfirm={() => {
            setOpen(false);
            onConfirm();
          }}
        />
      )}
    </>
  );
}
