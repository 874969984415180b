// The review editor's two views: the transcript, and the summaries beside their passages. The
// choice is kept for the tab's session, so a reload comes back to the same view.
import { useState } from 'react';
import { useSummariesText } from './summariesText.ts';

export type EditorView = 'transcript' | 'summaries';

const STORE_KEY = 'mahdar.editorView';

export function useEditorView(): [EditorView, (view: EditorView) => void] {
  const [view, setView] = useState<EditorView>(() => (sessionStorage.getItem(STORE_KEY) === 'summaries' ? 'summaries' : 'transcript'));
  const choose = (next: EditorView) => {
    sessionStorage.setItem(STORE_KEY, next);
    setView(next);
  };
  return [view, choose];
}

export function ViewSwitch({ view, onView }: { view: EditorView; onView(view: EditorView): void }) {
  const t = useSummariesText();
  return (
    <div className="editor-views" role="group" aria-label={t('viewSwitch')}>
      <button type="button" aria-pressed={view === 'transcript'} onClick={() => onView('transcript')}>
        {t('viewTranscript')}
      </button>
      <button type="button" aria-pressed={view === 'summaries'} onClick={() => onView('summaries')}>
        {t('viewSummaries')}
      </button>
    </div>
  );
}
