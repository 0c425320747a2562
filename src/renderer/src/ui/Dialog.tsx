// A modal dialog on the native <dialog>: the browser traps focus and makes the page behind inert.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  description?: ReactNode;
  onClose(): void;
  children: ReactNode;
  size?: 'small' | 'medium';
  /** Something typed here is not saved yet: Esc asks before dropping it instead of closing at once. */
  dirty?: boolean;
}

const FOCUSABLE = 'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled)';

/** Mount it to open it; unmount to close. Esc closes (asking first when `dirty`); focus returns to where it was (or as near as is left). */
export function Dialog({ title, description, onClose, children, size = 'small', dirty = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // The places around the opener, nearest first: if what the dialog did removed the opener itself (the Cancel
    // button of an appointment now cancelled), the focus goes to the nearest of them still on screen.
    const around: HTMLElement[] = [];
    for (let el = opener?.parentElement; el && el !== document.body; el = el.parentElement) around.push(el);
    dialog.showModal();
    const cancel = (e: Event) => {
      // Keep React in charge of closing, so the dialog and the state never disagree.
      e.preventDefault();
      // Esc is pressed by reflex (to leave a field, close a list): a note typed here must not vanish with it.
      if (dirtyRef.current) setAsking(true);
      else closeRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.close();
      // What the dialog led to may have placed the focus itself (a slot chosen in the finder opens the booking with
      // the cursor in its patient box): taking it back to the opener would leave the desk typing into nothing.
      const now = document.activeElement;
      if (now && now !== document.body && now.isConnected && !dialog.contains(now)) return;
      if (opener?.isConnected) return opener.focus();
      const near = around.find((el) => el.isConnected);
      [...(near?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].find((el) => !el.closest('dialog'))?.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={`dialog dialog-${size}`} aria-labelledby={titleId}>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {description && <div className="dialog-description">{description}</div>}
      {children}
      {asking && (
        <Dialog title="Discard what you typed?" description="It has not been saved and will be lost." onClose={() => setAsking(false)}>
          <div className="dialog-actions">
            {/* The safe answer has the focus: a second reflexive Esc or Enter keeps the text. */}
            <button type="button" className="button" onClick={() => setAsking(false)} autoFocus>
              Keep editing
            </button>
            <button type="button" className="button button-danger" onClick={() => closeRef.current()}>
              Discard
            </button>
          </div>
        </Dialog>
      )}
    </dialog>
  );
}
