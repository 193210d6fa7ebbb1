/**
 * Asks before an action that others feel at once (closing the rating for every
 * tablet). A modal <dialog>: focus starts on the safe choice, Escape cancels.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const confirmed = useRef(false);
  const id = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    cancel.current?.focus();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={() => (confirmed.current ? onConfirm() : onCancel())}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`}>{children}</div>
      <div className="actions">
        <button
          type="button"
          className="danger"
          onClick={() => {
            confirmed.current = true;
            dialog.current?.close();
          }}
        >
          {confirmLabel}
        </button>
        <button ref={cancel} type="button" className="primary" onClick={() => dialog.current?.close()}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
