// Modal dialog on the native <dialog> element with KERN styles. showModal() gives focus trapping,
// the inert background and Esc for free; Esc fires `cancel`, which closes through the store.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  /** Wider layout for side-by-side content (conflicts, attachment viewer). */
  wide?: boolean;
}

export function Dialog({ title, onClose, children, footer, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();

    // The first field, not the close button, gets focus, so the clerk can type at once.
    dialog.querySelector<HTMLElement>('.kern-dialog__body :is(input, textarea, select)')?.focus();

    // Focus goes back to the button that opened the dialog, so keyboard work continues there.
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`kern-dialog clerk-dialog${wide ? ' clerk-dialog--wide' : ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="kern-dialog__header">
        <h2 className="kern-title kern-title--large" id={titleId}>{title}</h2>
        <button type="button" className="kern-btn kern-btn--tertiary" onClick={onClose}>
          <span className="kern-icon kern-icon--close" aria-hidden="true" />
          <span className="kern-sr-only">Dialog schließen</span>
        </button>
      </header>
      <section className="kern-dialog__body">{children}</section>
      {footer && <footer className="kern-dialog__footer">{footer}</footer>}
    </dialog>
  );
}
