// Every key of the review editor, its own and the player's (usePlayerKeys), in the UI language.
// A modal <dialog>: Escape closes it and the focus goes back where it was.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nContext.tsx';
import type { EditorKey, EditorT } from './editorText.ts';
import { playerShortcuts } from '../common/player/usePlayerKeys.ts';

/** The editor's keys, as shown in the help panel (and the order they are listed). */
export const editorShortcuts: readonly { keys: string; label: EditorKey }[] = [
  { keys: '↑ ↓ Home End', label: 'k_select' },
  { keys: 'Shift+↑ Shift+↓', label: 'k_extend' },
  { keys: 'Shift+Click', label: 'k_shiftClick' },
  { keys: 'Space', label: 'k_play' },
  { keys: 'Enter', label: 'k_edit' },
  { keys: 'Esc', label: 'k_leave' },
  { keys: '1 … 9', label: 'k_speaker' },
  { keys: '0', label: 'k_clearSpeaker' },
  { keys: 'P', label: 'k_picker' },
  { keys: 'Ctrl+Enter', label: 'k_split' },
  { keys: 'M', label: 'k_merge' },
  { keys: 'Ctrl+F', label: 'k_search' },
  { keys: 'Enter / Shift+Enter', label: 'k_nextMatch' },
  { keys: 'F8 / Shift+F8', label: 'k_doubtful' },
  { keys: 'Ctrl+Z', label: 'k_undo' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', label: 'k_redo' },
  { keys: '?', label: 'k_help' },
];

export function HelpPanel({ t, onClose }: { t: EditorT; onClose(): void }) {
  const { t: appT } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  useEffect(
    () => () => {
      if (opener?.isConnected) opener.focus();
    },
    [opener],
  );
  const rows = [...editorShortcuts.map((s) => ({ keys: s.keys, label: t(s.label) })), ...playerShortcuts.map((s) => ({ keys: s.keys, label: appT(s.label) }))];
  return (
    <dialog ref={ref} className="dialog editor-help" aria-labelledby="editor-help-title" onClose={onClose} onCancel={onClose}>
      <h2 id="editor-help-title">{t('helpTitle')}</h2>
      <table>
        <tbody>
          {rows.map((r) => (
            <tr key={r.keys + r.label}>
              <th scope="row">
                <kbd dir="ltr">{r.keys}</kbd>
              </th>
              <td>{r.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="primary" autoFocus onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}
