// A modal confirmation built on <dialog>: focus is trapped and Escape cancels. Enter presses the
// focused button, and the dialog opens on Cancel for a dangerous action (so a reflexive Enter
// cannot delete a meeting or its transcript) and on the confirm button otherwise (Enter confirms).
// When it closes, the focus goes back to the control that opened it, as a keyboard user expects.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nContext.tsx';

export function ConfirmDialog(props: {
  title: string;
  body: string;
  /** What the confirmation is about, listed under the body (what approval would leave untagged). */
  items?: string[];
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Taken while rendering, before the dialog exists: the control focused when it was asked for.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const danger = !!props.danger;
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) {
      d.showModal();
      (danger ? cancelRef : confirmRef).current?.focus();
    }
  }, [danger]);
  useEffect(
    // Runs once React has removed the dialog (the page is no longer inert). If the opener is gone
    // too (a deleted meeting's button), the caller moves the focus somewhere meaningful.
    () => () => {
      if (opener?.isConnected && opener !== document.body) opener.focus();
    },
    [opener],
  );
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="confirm-title" onCancel={props.onCancel} onClose={props.onCancel}>
      <h2 id="confirm-title">{props.title}</h2>
      <p>{props.body}</p>
      {props.items && props.items.length > 0 && (
        <ul>
          {props.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
        <button ref={confirmRef} type="button" className={props.danger ? 'danger' : 'primary'} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
