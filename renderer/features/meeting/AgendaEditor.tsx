// Agenda items, reorderable with buttons or Alt+Up / Alt+Down while an item has focus.
import { useRef } from 'react';
import { newId, type AgendaItem } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';

export function AgendaEditor(props: { value: AgendaItem[]; onChange(next: AgendaItem[]): void; readOnly: boolean }) {
  const { t } = useI18n();
  const list = useRef<HTMLOListElement>(null);
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
    <fieldset className="agenda">
      <legend>{t('agenda')}</legend>
      <ol ref={list}>
        {items.map((item, i) => (
          <li key={item.id}>
            <input
              aria-label={t('agendaItem', { n: i + 1 })}
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
                <button type="button" className="subtle" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${t('moveUp')}: ${t('agendaItem', { n: i + 1 })}`} title="Alt+↑">
                  ↑
                </button>
                <button type="button" className="subtle" disabled={i === items.length - 1} onClick={() => move(i, 1)} aria-label={`${t('moveDown')}: ${t('agendaItem', { n: i + 1 })}`} title="Alt+↓">
                  ↓
                </button>
                <button type="button" className="subtle" onClick={() => props.onChange(items.filter((_, k) => k !== i))} aria-label={`${t('remove')}: ${t('agendaItem', { n: i + 1 })}`}>
                  {t('remove')}
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
      {!props.readOnly && (
        <button type="button" onClick={() => props.onChange([...items, { id: newId('a'), title: '' }])}>
          {t('addAgendaItem')}
        </button>
      )}
    </fieldset>
  );
}
