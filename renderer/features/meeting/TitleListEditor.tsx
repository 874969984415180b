// An ordered list of titles (agenda items, annexes): edit in place, add, remove, reorder with the
// buttons or Alt+Up / Alt+Down while an item has focus.
import { useId, useRef, type ReactNode } from 'react';
import { newId } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import './title-list.css';

export interface TitleItem {
  id: string;
  title: string;
}

export interface TitleListEditorProps<T extends TitleItem> {
  value: T[];
  onChange(next: T[]): void;
  readOnly: boolean;
  className: string;
  legend: string;
  /** Under the legend: what the list is for. */
  hint?: ReactNode;
  /** The accessible name of the n-th item (from 1). */
  itemLabel(n: number): string;
  addLabel: string;
  /** Prefix of new items' ids ('a' for agenda items). */
  idPrefix: string;
  /** Most items the list may hold (the schema's limit): the add button goes away there. */
  max: number;
}

export function TitleListEditor<T extends TitleItem>(props: TitleListEditorProps<T>) {
  const { t } = useI18n();
  const list = useRef<HTMLOListElement>(null);
  const hintId = useId();
  const items = props.value;

  const move = (i: number, delta: number) => {
    const j = i + delta;
    if (j < 0 || j >= items.length) return;
    const next = [...items];
    [next[i], next[j]] = [next[j]!, next[i]!];
    props.onChange(next);
    // Keep the focus on the moved item so repeated Alt+arrow presses keep moving it.
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLInputElement>('input')[j]?.focus());
  };

  return (
    <fieldset className={props.className} aria-describedby={props.hint ? hintId : undefined}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p id={hintId} className="title-list-hint">
          {props.hint}
        </p>
      )}
      <ol ref={list}>
        {items.map((item, i) => (
          <li key={item.id}>
            <input
              aria-label={props.itemLabel(i + 1)}
              value={item.title}
              readOnly={props.readOnly}
              dir="auto"
              maxLength={300}
              onChange={(e) => props.onChange(items.map((it, k) => (k === i ? { ...it, title: e.target.value } : it)))}
              onKeyDown={(e) => {
                if (e.altKey && e.key === 'ArrowUp') {
                  e.preventDefault();
                  move(i, -1);
                } else if (e.altKey && e.key === 'ArrowDown') {
                  e.preventDefault();
                  move(i, 1);
                }
              }}
            />
            {!props.readOnly && (
              <>
                <button type="button" className="subtle" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${t('moveUp')}: ${props.itemLabel(i + 1)}`} title="Alt+↑">
                  ↑
                </button>
                <button type="button" className="subtle" disabled={i === items.length - 1} onClick={() => move(i, 1)} aria-label={`${t('moveDown')}: ${props.itemLabel(i + 1)}`} title="Alt+↓">
                  ↓
                </button>
                <button type="button" className="subtle" onClick={() => props.onChange(items.filter((_, k) => k !== i))} aria-label={`${t('remove')}: ${props.itemLabel(i + 1)}`}>
                  {t('remove')}
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
      {!props.readOnly && items.length < props.max && (
        <button type="button" onClick={() => props.onChange([...items, { id: newId(props.idPrefix), title: '' } as T])}>
          {props.addLabel}
        </button>
      )}
    </fieldset>
  );
}
