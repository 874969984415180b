// Who signs an agreement (اتفاقية), in the decisions panel: participants, each with the capacity
// they sign in (left empty, the minutes give their title from the attendance sheet, which the
// empty field shows as its placeholder).
import type { Participant } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';

export interface SignatoryDraft {
  /** '' until a participant is chosen. */
  participantId: string;
  capacity: string;
}

export interface SignatoriesEditorProps {
  participants: readonly Participant[];
  value: readonly SignatoryDraft[];
  onChange(next: SignatoryDraft[]): void;
  idPrefix: string;
}

export function SignatoriesEditor({ participants, value, onChange, idPrefix }: SignatoriesEditorProps) {
  const { t } = useI18n();
  const named = participants.filter((p) => p.name.trim());
  const setAt = (i: number, patch: Partial<SignatoryDraft>) => onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <fieldset className="side-vote side-signatories">
      <legend>{t('signatoriesTitle')}</legend>
      {value.map((s, i) => {
        // Someone already chosen on another line is not offered again.
        const taken = new Set(value.filter((_, j) => j !== i).map((x) => x.participantId));
        const person = named.find((p) => p.id === s.participantId);
        return (
          <div key={i} className="side-form-row">
            <div className="field">
              <label htmlFor={`${idPrefix}-signatory-${i}`}>{t('signatoryPerson', { n: i + 1 })}</label>
              <select id={`${idPrefix}-signatory-${i}`} value={s.participantId} onChange={(e) => setAt(i, { participantId: e.target.value })}>
                <option value="">{t('signatoryChoose')}</option>
                {named
                  .filter((p) => !taken.has(p.id))
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name.trim()}
                    </option>
                  ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${idPrefix}-capacity-${i}`}>{t('signatoryCapacity', { n: i + 1 })}</label>
              <input
                id={`${idPrefix}-capacity-${i}`}
                value={s.capacity}
                dir="auto"
                maxLength={300}
                placeholder={person?.title.trim() || person?.organisation.trim() || undefined}
                onChange={(e) => setAt(i, { capacity: e.target.value })}
              />
            </div>
            <button type="button" className="subtle" aria-label={`${t('remove')}: ${t('signatoryPerson', { n: i + 1 })}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t('remove')}
            </button>
          </div>
        );
      })}
      {value.length < named.length && (
        <button type="button" onClick={() => onChange([...value, { participantId: '', capacity: '' }])}>
          {t('signatoryAdd')}
        </button>
      )}
    </fieldset>
  );
}
