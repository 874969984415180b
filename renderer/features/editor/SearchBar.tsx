// Find and replace across the transcript. Matching is shared/text/find.ts, the same function the
// replaceText command runs, so what is highlighted is exactly what "replace all" changes; replace
// all is one command, undone in one step.
import { useEffect, useRef } from 'react';
import { actionFor } from '../common/keymap.ts';
import type { EditorT } from './editorText.ts';

export interface SearchState {
  query: string;
  replace: string;
  arabicAware: boolean;
  wholeWord: boolean;
}

export function SearchBar(props: {
  t: EditorT;
  state: SearchState;
  onChange(patch: Partial<SearchState>): void;
  count: number;
  current: number;
  readOnly: boolean;
  onStep(dir: 1 | -1): void;
  onReplaceAll(): void;
  onClose(): void;
  focusToken: number;
}) {
  const { t, state, count, current } = props;
  const findRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    findRef.current?.focus();
    findRef.current?.select();
  }, [props.focusToken]);
  const onKey = (e: React.KeyboardEvent) => {
    const key = actionFor('search', e);
    if (key?.action === 'closeSearch') {
      e.preventDefault();
      props.onClose();
    } else if (key?.action === 'nextMatch' && (e.key !== 'Enter' || e.currentTarget === findRef.current)) {
      e.preventDefault();
      props.onStep(key.arg as 1 | -1);
    }
  };
  return (
    <div role="search" className="editor-search" aria-label={t('searchToggle')}>
      <label className="field inline">
        <span>{t('find')}</span>
        <input ref={findRef} type="search" dir="auto" value={state.query} onChange={(e) => props.onChange({ query: e.target.value })} onKeyDown={onKey} />
      </label>
      <span className="search-count" role="status">
        {state.query ? (count ? t('matchCount', { i: current + 1, n: count }) : t('noMatches')) : ''}
      </span>
      <button type="button" onClick={() => props.onStep(-1)} disabled={!count}>
        {t('prevMatch')}
      </button>
      <button type="button" onClick={() => props.onStep(1)} disabled={!count}>
        {t('nextMatch')}
      </button>
      <label className="field inline">
        <span>{t('replaceWith')}</span>
        <input type="text" dir="auto" value={state.replace} readOnly={props.readOnly} onChange={(e) => props.onChange({ replace: e.target.value })} onKeyDown={onKey} />
      </label>
      <button type="button" onClick={props.onReplaceAll} disabled={!count || props.readOnly}>
        {t('replaceAll')}
      </button>
      <label className="field inline">
        <input type="checkbox" checked={state.arabicAware} onChange={(e) => props.onChange({ arabicAware: e.target.checked })} />
        <span>{t('arabicAware')}</span>
      </label>
      <label className="field inline">
        <input type="checkbox" checked={state.wholeWord} onChange={(e) => props.onChange({ wholeWord: e.target.checked })} />
        <span>{t('wholeWord')}</span>
      </label>
      <button type="button" className="subtle" onClick={props.onClose} aria-label={t('closeSearch')}>
        ×
      </button>
    </div>
  );
}
