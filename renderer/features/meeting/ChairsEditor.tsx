// Who chaired, in order: one official or several (co-chairs). Each has a name, a title (blank: the
// title of the participant of the same name, shown greyed) and an honorific; rows are added,
// removed and moved up or down. A meeting saved with one chair shows it as the first row.
import { chairsOf, genders, LIMITS, newId, type Chair, type Participant } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import type { FormFields } from './formFields.ts';
import './title-list.css';

export interface ChairsEditorProps {
  value: Pick<FormFields, 'chair' | 'chairGender' | 'chairs'>;
  participants: readonly Participant[];
  onChange(next: Chair[]): void;
  readOnly: boolean;
}

/** The list with item i moved by delta (-1 up, +1 down); unchanged at either end. */
function moved(chairs: readonly Chair[], i: number, delta: number): Chair[] {
  const next = [...chairs];
  const j = i + delta;
  if (j >= 0 && j < next.length) [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

function ChairRow({ chair, n, count, props }: { chair: Chair; n: number; count: number; props: ChairsEditorProps }) {
  const { t } = useI18n();
  const chairs = chairsOf(props.value);
  const item = t('chairItem', { n });
  const patch = (p: Partial<Chair>) => props.onChange(chairs.map((c) => (c.id === chair.id ? { ...c, ...p } : c)));
  const participant = props.participants.find((p) => p.name.trim() !== '' && p.name.trim() === chair.name.trim());
  return (
    <li>
      <input aria-label={`${t('chairName')}: ${item}`} value={chair.name} readOnly={props.readOnly} dir="auto" maxLength={300} list="known-people" onChange={(e) => patch({ name: e.target.value })} />
      <input
        aria-label={`${t('chairTitle')}: ${item}`}
        value={chair.title ?? ''}
        placeholder={participant?.title}
        readOnly={props.readOnly}
        dir="auto"
        maxLength={300}
        onChange={(e) => patch({ title: e.target.value })}
      />
      <select aria-label={`${t('chairGenderOf')}: ${item}`} value={chair.gender ?? 'unknown'} disabled={props.readOnly} onChange={(e) => patch({ gender: e.target.value as Chair['gender'] })}>
        {genders.map((g) => (
          <option key={g} value={g}>
            {t(`gender_${g}`)}
          </option>
        ))}
      </select>
      {!props.readOnly && (
        <>
          <button type="button" className="subtle" disabled={n === 1} onClick={() => props.onChange(moved(chairs, n - 1, -1))} aria-label={`${t('moveUp')}: ${item}`}>
            ↑
          </button>
          <button type="button" className="subtle" disabled={n === count} onClick={() => props.onChange(moved(chairs, n - 1, 1))} aria-label={`${t('moveDown')}: ${item}`}>
            ↓
          </button>
          <button type="button" className="subtle" onClick={() => props.onChange(chairs.filter((c) => c.id !== chair.id))} aria-label={`${t('remove')}: ${item}`}>
            {t('remove')}
          </button>
        </>
      )}
    </li>
  );
}

export function ChairsEditor(props: ChairsEditorProps) {
  const { t } = useI18n();
  const chairs = chairsOf(props.value);
  return (
    <fieldset className="agenda chairs" aria-describedby="chairs-hint">
      <legend>{t('chairs')}</legend>
      <p id="chairs-hint" className="title-list-hint">
        {t('chairsHint')}
      </p>
      <ol>
        {chairs.map((chair, i) => (
          <ChairRow key={chair.id} chair={chair} n={i + 1} count={chairs.length} props={props} />
        ))}
      </ol>
      {!props.readOnly && chairs.length < LIMITS.chairs && (
        <button type="button" onClick={() => props.onChange([...chairs, { id: newId('c'), name: '', gender: 'unknown' }])}>
          {t(chairs.length ? 'addCoChair' : 'addChair')}
        </button>
      )}
    </fieldset>
  );
}
