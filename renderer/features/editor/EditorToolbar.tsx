// The review editor's toolbar: undo, redo, split, merge, the speaker picker, the focused
// segment's times, re-transcription of the selection, the doubtful-word count, the speaker
// filter, search, go to a time and the help panel. Each button names its key from the keymap.
import type { ReactNode } from 'react';
import type { Participant } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ariaKeys } from '../common/keymap.ts';
import type { EditorT } from './editorText.ts';
import type { Doubtful } from './useDoubtful.ts';

export interface EditorToolbarProps {
  t: EditorT;
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  /** Null when the caret is not inside the focused segment's text. */
  onSplit: (() => void) | null;
  /** Null when there is no next segment to merge with. */
  onMerge: (() => void) | null;
  /** The speaker picker and the focused segment's times (SpeakerPicker, SegmentTimes). */
  children: ReactNode;
  /** Null when nothing is selected or there is no recording. */
  onRetranscribe: (() => void) | null;
  doubtful: Doubtful;
  participants: readonly Participant[];
  filter: string;
  onFilter(filter: string): void;
  searchOpen: boolean;
  onSearch(): void;
  goToOpen: boolean;
  onGoTo(): void;
  onHelp(): void;
}

function SpeakerFilter({ t, participants, filter, onFilter }: Pick<EditorToolbarProps, 't' | 'participants' | 'filter' | 'onFilter'>) {
  return (
    <label className="field inline">
      <span>{t('filter')}</span>
      <select value={filter} onChange={(e) => onFilter(e.target.value)}>
        <option value="all">{t('filterAll')}</option>
        {participants.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
        <option value="none">{t('filterNone')}</option>
      </select>
    </label>
  );
}

export function EditorToolbar(p: EditorToolbarProps) {
  const { t, readOnly, doubtful } = p;
  const { t: appT } = useI18n();
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('editorRegion')}>
      <button type="button" onClick={p.onUndo} disabled={readOnly || !p.canUndo} aria-keyshortcuts={ariaKeys('undo')}>
        {t('undo')}
      </button>
      <button type="button" onClick={p.onRedo} disabled={readOnly || !p.canRedo} aria-keyshortcuts={ariaKeys('redo')}>
        {t('redo')}
      </button>
      <button type="button" onClick={() => p.onSplit?.()} disabled={!p.onSplit} aria-keyshortcuts={ariaKeys('split')}>
        {t('split')}
      </button>
      <button type="button" onClick={() => p.onMerge?.()} disabled={!p.onMerge} aria-keyshortcuts={ariaKeys('merge')}>
        {t('merge')}
      </button>
      {p.children}
      <button type="button" disabled={!p.onRetranscribe} onClick={() => p.onRetranscribe?.()}>
        {appT('retranscribeAction')}
      </button>
      <span className="spacer" />
      {doubtful.known && (
        <button type="button" className="doubt-count" disabled={!doubtful.words} aria-keyshortcuts={ariaKeys('doubtful')} onClick={() => doubtful.next(1)}>
          {t('doubtfulCount', { n: doubtful.words })}
        </button>
      )}
      <SpeakerFilter t={t} participants={p.participants} filter={p.filter} onFilter={p.onFilter} />
      <button type="button" aria-expanded={p.searchOpen} aria-keyshortcuts={ariaKeys('search')} onClick={p.onSearch}>
        {t('searchToggle')}
      </button>
      <button type="button" aria-expanded={p.goToOpen} aria-keyshortcuts={ariaKeys('goToTime')} onClick={p.onGoTo}>
        {t('goToTime')}
      </button>
      <button type="button" aria-keyshortcuts={ariaKeys('help')} onClick={p.onHelp}>
        {t('help')}
      </button>
    </div>
  );
}
