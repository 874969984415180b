// Every key the review editor accepts, as listed in the keymap (features/common/keymap.ts): the
// meeting page's, the editor's, its list's and text boxes', the search bar's and the player's, in
// the UI language. The editor and the player match keys with the same entries, so the list
// cannot leave one out. A modal <dialog>: Escape closes it and the focus goes back where it was.
import { useRef } from 'react';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { keymap, keysText, type KeyScope } from '../common/keymap.ts';
import { useModalDialog } from '../common/useModalDialog.ts';
import type { EditorT } from './editorText.ts';

/** The scopes whose keys work in the review editor. */
export const EDITOR_HELP_SCOPES: readonly KeyScope[] = ['global', 'editor', 'list', 'text', 'search', 'summaries', 'player'];

export function HelpPanel({ t, onClose }: { t: EditorT; onClose(): void }) {
  const { t: appT } = useI18n();
  const closeRef = useRef<HTMLButtonElement>(null);
  const ref = useModalDialog(closeRef);
  const rows = keymap.filter((b) => EDITOR_HELP_SCOPES.includes(b.scope)).map((b) => ({ keys: keysText(b), label: appT(b.label) }));
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
        <button ref={closeRef} type="button" className="primary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}
