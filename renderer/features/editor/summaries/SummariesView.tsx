// The review editor's summaries view: each intervention's passages beside its summary, under its
// agenda point, with the opening and closing paragraphs; the count of interventions whose summary
// is not checked yet, always in view; and a slot for the drafting controls (`toolbar`), which the
// editor fills. Keyboard first: the keys are the keymap's scope 'summaries'.
import type { ReactNode } from 'react';
import type { Meeting } from '../../../../shared/domain.ts';
import { ariaKeys } from '../../common/keymap.ts';
import type { ReviewEditorState } from '../useReviewEditor.ts';
import { SummaryList } from './SummaryList.tsx';
import { useSummariesText, type SummariesT } from './summariesText.ts';
import { useSummaries, type SummariesState } from './useSummaries.ts';
import './summaries.css';

export interface SummariesViewProps {
  ed: ReviewEditorState;
  meeting: Meeting;
  /** Where the drafting controls go (start, cancel, progress): left empty until they exist. */
  toolbar?: ReactNode;
}

function Counter({ state, t }: { state: SummariesState; t: SummariesT }) {
  const { view } = state;
  return (
    <p className="sum-counter" role="status" aria-live="polite">
      <span data-unchecked={view.unchecked} data-total={view.total}>
        {t('counter', { n: view.unchecked, m: view.total })}
      </span>
      {view.orphans.length > 0 && <span>{t('orphans', { n: view.orphans.length })}</span>}
    </p>
  );
}

export function SummariesView({ ed, meeting, toolbar }: SummariesViewProps) {
  const t = useSummariesText();
  const state = useSummaries({ meeting, readOnly: ed.readOnly, edits: ed.edits, commands: ed.commands, register: ed.rowActions.register, player: ed.player, setNotice: ed.setNotice, t });
  const { readOnly } = ed;
  return (
    <>
      <div className="editor-toolbar" role="toolbar" aria-label={t('summariesList')}>
        <button type="button" onClick={() => void ed.commands.undo()} disabled={readOnly || !ed.edits.canUndo} aria-keyshortcuts={ariaKeys('undo')}>
          {ed.t('undo')}
        </button>
        <button type="button" onClick={() => void ed.commands.redo()} disabled={readOnly || !ed.edits.canRedo} aria-keyshortcuts={ariaKeys('redo')}>
          {ed.t('redo')}
        </button>
        {toolbar}
        <span className="spacer" />
        <button type="button" aria-keyshortcuts={ariaKeys('help')} onClick={() => ed.setHelp(true)}>
          {ed.t('help')}
        </button>
      </div>
      <Counter state={state} t={t} />
      {state.view.total === 0 && <p className="empty">{t('noInterventions')}</p>}
      <SummaryList state={state} meeting={meeting} names={ed.list.names} colours={ed.list.colours} readOnly={readOnly} canPlay={ed.player.available} t={t} edT={ed.t} above={[readOnly, ed.notice, state.view.total === 0, state.view.orphans.length > 0]} />
    </>
  );
}
