// A modal confirmation built on <dialog>: focus is trapped and Escape cancels. Enter presses the
// focused button, and the dialog opens on Cancel for a dangerous action (so a reflexive Enter
// cannot delete a meeting or its transcript) and on the confirm button otherwise (Enter confirms).
// When it closes, the focus goes back to the control that opened it, as a keyboard user expects.
import { useRef } from 'react';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { useModalDialog } from './useModalDialog.ts';

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
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const ref = useModalDialog(props.danger ? cancelRef : confirmRef);
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
