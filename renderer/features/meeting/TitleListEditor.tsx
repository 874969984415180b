// An ordered list of titles (agenda items, annexes): edit in place, add, remove, reorder with the
// buttons or Alt+Up / Alt+Down while an item has focus.
import { useId, useRef } from 'react';
import { newId } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import type { TitleList } from './titleLists.ts';
import './title-list.css';

export interface TitleItem {
  id: string;
  title: string;
}

export interface TitleListEditorProps<T extends TitleItem> {
  /** Which list: its words and limits (titleLists.ts). */
  list: TitleList;
  value: T[];
  onChange(next: T[]): void;
  readOnly: boolean;
}

export function TitleListEditor<T extends TitleItem>(props: TitleListEditorProps<T>) {
  const { t } = useI18n();
  const listElement = useRef<HTMLOListElement>(null);
  const hintId = useId();
  const items = props.value;
  const spec = props.list;
  const itemLabel = (n: number) => t(spec.item, { n });

  const move = (i: number, delta: number) => {
    const j = i + delta;
    if (j < 0 || j >= items.length) return;
    const next = [...items];
    [next[i], next[j]] = [next[j]!, next[i]!];
    props.onChange(next);
    // Keep the focus on the moved item so repeated Alt+arrow presses keep moving it.
    requestAnimationFrame(() => listElement.current?.querySelectorAll<HTMLInputElement>('input')[j]?.focus());
  };

  return (
    <fieldset className={spec.className} aria-describedby={spec.hint ? hintId : undefined}>
      <legend>{t(spec.legend)}</legend>
      {spec.hint && (
        <p id={hintId} className="title-list-hint">
          {t(spec.hint)}
        </p>
      )}
      <ol ref={listElement}>
        {items.map((item, i) => (
          <li key={item.id}>
            <input
              aria-label={itemLabel(i + 1)}
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
                <button type="button" className="subtle" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${t('moveUp')}: ${itemLabel(i + 1)}`} title="Alt+↑">
                  ↑
                </button>
                <button type="button" className="subtle" disabled={i === items.length - 1} onClick={() => move(i, 1)} aria-label={`${t('moveDown')}: ${itemLabel(i + 1)}`} title="Alt+↓">
                  ↓
                </button>
                <button type="button" className="subtle" onClick={() => props.onChange(items.filter((_, k) => k !== i))} aria-label={`${t('remove')}: ${itemLabel(i + 1)}`}>
                  {t('remove')}
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
      {!props.readOnly && items.length < spec.max && (
        <button type="button" onClick={() => props.onChange([...items, { id: newId(spec.idPrefix), title: '' } as T])}>
          {t(spec.add)}
        </button>
      )}
    </fieldset>
  );
}
